package com.switchboard.coordination.timing;

import com.switchboard.channel.Channel;
import com.switchboard.preference.Frequency;
import com.switchboard.template.RenderedMessage;
import java.util.List;

/**
 * Writes one digest message from the messages it collects: by email a subject
 * "Your daily digest (N updates)" and every message's subject and text; on the short channels
 * (SMS, WhatsApp, in-app) the same heading and a numbered list of subjects (or first lines), cut to
 * {@value #SHORT_LIMIT} characters so an SMS stays within a few parts. Documents the digest could
 * not carry as attachments are listed as links after their message (email) or after the list. Pure.
 */
public final class DigestRenderer {
    static final int SHORT_LIMIT = 600;

    /** One collected message; {@code links} the "filename: url" lines of documents not attached. */
    public record Entry(String subject, String text, List<String> links) {
        public Entry {
            links = links == null ? List.of() : List.copyOf(links);
        }

        public Entry(String subject, String text) {
            this(subject, text, List.of());
        }

        String headline() {
            if (subject != null && !subject.isBlank()) {
                return subject;
            }
            String first = text == null ? "" : text.strip().lines().findFirst().orElse("");
            return first.length() > 80 ? first.substring(0, 79) + "…" : first;
        }
    }

    private DigestRenderer() {}

    public static String subject(Frequency frequency, int count) {
        return "Your " + (frequency == Frequency.Weekly ? "weekly" : "daily") + " digest (" + count
                + (count == 1 ? " update)" : " updates)");
    }

    public static RenderedMessage render(Frequency frequency, Channel channel, List<Entry> entries) {
        String subject = subject(frequency, entries.size());
        if (channel == Channel.Email) {
            StringBuilder text = new StringBuilder(subject).append("\n");
            StringBuilder html =
                    new StringBuilder("<h1>").append(escape(subject)).append("</h1>");
            for (Entry e : entries) {
                text.append("\n")
                        .append(e.headline())
                        .append("\n")
                        .append(e.text() == null ? "" : e.text())
                        .append("\n");
                html.append("<h2>")
                        .append(escape(e.headline()))
                        .append("</h2><p>")
                        .append(escape(e.text() == null ? "" : e.text()).replace("\n", "<br>"))
                        .append("</p>");
                for (String link : e.links()) {
                    text.append(link).append("\n");
                    html.append("<p>").append(escape(link)).append("</p>");
                }
            }
            return new RenderedMessage(subject, text.toString(), html.toString());
        }
        StringBuilder text = new StringBuilder(subject).append(':');
        for (int i = 0; i < entries.size(); i++) {
            text.append(' ')
                    .append(i + 1)
                    .append(") ")
                    .append(entries.get(i).headline())
                    .append(i + 1 < entries.size() ? ";" : "");
        }
        String shortText = text.length() > SHORT_LIMIT ? text.substring(0, SHORT_LIMIT - 1) + "…" : text.toString();
        // never cut: a link is the only way to these documents
        shortText += entries.stream()
                .flatMap(e -> e.links().stream())
                .map(link -> "\n" + link)
                .collect(java.util.stream.Collectors.joining());
        return new RenderedMessage(subject, shortText, escape(shortText));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
