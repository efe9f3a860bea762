package com.switchboard.template;

/**
 * One version of a message template for one locale. {@code body} is the plain-text Mustache source;
 * {@code html} the optional HTML source (when absent, the HTML part is the escaped text).
 */
public record Template(String name, String locale, int version, String channel, String subject, String body,
        String html, String updatedAt, String updatedBy) {
}
