package com.switchboard.template;

/** One line of the template list: a template's name and its most recent save (version, locale, channel, when, who). */
public record TemplateSummary(
        String name, int latestVersion, String locale, String channel, String updatedAt, String updatedBy) {}
