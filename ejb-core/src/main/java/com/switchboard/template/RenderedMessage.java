package com.switchboard.template;

/** A message ready to hand to a provider: subject, plain text and HTML alternatives. */
public record RenderedMessage(String subject, String text, String html) {}
