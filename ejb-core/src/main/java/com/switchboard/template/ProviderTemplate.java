package com.switchboard.template;

import java.util.List;

/**
 * A template the provider keeps and has approved (a WhatsApp message template): its name,
 * language and the values of its body parameters {{1}}, {{2}}, ... in order.
 */
public record ProviderTemplate(String name, String language, List<String> parameters) {}
