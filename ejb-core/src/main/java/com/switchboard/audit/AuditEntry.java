package com.switchboard.audit;

/** One administrative action as recorded: who did what to which target, when, and how it ended. */
public record AuditEntry(String at, String who, String action, String target, String detail, String outcome) {}
