package com.switchboard.template;

import java.util.List;

/**
 * One version of a message template for one locale. {@code body} is the plain-text Mustache source;
 * {@code html} the optional HTML source (when absent, the HTML part is the escaped text).
 * {@code whatsappTemplate} names the approved WhatsApp template sent outside the 24-hour window,
 * {@code whatsappParameters} the variables that fill its {{1}}, {{2}}, ... in order.
 */
public record Template(
        String name,
        String locale,
        int version,
        String channel,
        String subject,
        String body,
        String html,
        String whatsappTemplate,
        String whatsappLanguage,
        List<String> whatsappParameters,
        String updatedAt,
        String updatedBy) {}
