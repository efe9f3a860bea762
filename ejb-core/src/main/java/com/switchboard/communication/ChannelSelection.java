package com.switchboard.communication;

import com.switchboard.channel.Channel;
import com.switchboard.channel.SmsSegments;
import com.switchboard.template.RenderedMessage;
import com.switchboard.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that pick a stakeholder's channels, given the channels they can be reached on (enabled,
 * with an address, with a provider on this server) in their order of preference. In order of
 * precedence: {@code critical} urgency goes on SMS; a template with a WhatsApp template goes on
 * WhatsApp; content longer than one SMS, or HTML, goes by Email; then the request's primary
 * channel; then the stakeholder's first channel. Each choice carries the name of the rule that made
 * it, which the API shows. Pure, so every rule is unit-tested.
 */
public final class ChannelSelection {
    public static final String PRIMARY = "primary";
    public static final String PREFERENCE = "preference";
    public static final String URGENCY_CRITICAL = "urgency-critical";
    public static final String CONTENT_LONG = "content-long";
    public static final String CONTENT_HTML = "content-html";
    public static final String CONTENT_WHATSAPP_TEMPLATE = "content-whatsapp-template";
    public static final String FALLBACK = "fallback";
    public static final String MODE_ALL = "mode-all";

    // a tag's attributes end at the next '<' too, possessively: each start scans only to the next
    // '<', so crafted content ("<p<p<p…" without '>') costs linear time, not quadratic
    private static final Pattern HTML_TAG = Pattern.compile(
            "<(html|body|p|div|br|table|a|b|i|strong|em|ul|ol|li|h[1-6]|span|img)\\b[^<>]*+>",
            Pattern.CASE_INSENSITIVE);

    /** What about the message itself steers the choice; Email needs a subject. */
    public record Content(boolean longText, boolean html, boolean whatsappTemplate, boolean subject) {

        /** Facts of a rendered message; {@code template} is null for literal content. */
        public static Content of(RenderedMessage rendered, Template template, String literal) {
            boolean html = template != null
                    ? template.html() != null && !template.html().isBlank()
                    : literal != null && HTML_TAG.matcher(literal).find();
            boolean whatsapp = template != null
                    && template.whatsappTemplate() != null
                    && !template.whatsappTemplate().isBlank();
            return new Content(
                    SmsSegments.count(rendered.text()) > 1,
                    html,
                    whatsapp,
                    rendered.subject() != null && !rendered.subject().isBlank());
        }
    }

    /** A channel and the rule that chose it. */
    public record Choice(Channel channel, String rule) {}

    private ChannelSelection() {}

    /**
     * The channel to send on first. {@code usable} is in preference order; {@code allowed} (the
     * request's {@code channels}, empty for any) limits every rule but the explicit primary.
     */
    public static Optional<Choice> first(
            List<Channel> usable, Channel primary, List<Channel> allowed, Urgency urgency, Content content) {
        List<Channel> candidates = allowedOf(usable, allowed);
        if (urgency == Urgency.critical && candidates.contains(Channel.SMS)) {
            return Optional.of(new Choice(Channel.SMS, URGENCY_CRITICAL));
        }
        if (content.whatsappTemplate() && candidates.contains(Channel.WhatsApp)) {
            return Optional.of(new Choice(Channel.WhatsApp, CONTENT_WHATSAPP_TEMPLATE));
        }
        if ((content.longText() || content.html()) && candidates.contains(Channel.Email)) {
            return Optional.of(new Choice(Channel.Email, content.html() ? CONTENT_HTML : CONTENT_LONG));
        }
        if (primary != null && usable.contains(primary)) {
            return Optional.of(new Choice(primary, PRIMARY));
        }
        return candidates.stream().findFirst().map(c -> new Choice(c, PREFERENCE));
    }

    /**
     * Further channels a critical message goes on at the same time: in-app for staff who have it,
     * so people at work see it at once.
     */
    public static List<Channel> alsoAtOnce(Choice first, List<Channel> usable, String stakeholderType) {
        if (URGENCY_CRITICAL.equals(first.rule())
                && "Staff".equals(stakeholderType)
                && usable.contains(Channel.InApp)) {
            return List.of(Channel.InApp);
        }
        return List.of();
    }

    /**
     * The chain after the first channel: the request's {@code fallback} channels the stakeholder
     * can be reached on, or, without one, their other channels in preference order; channels
     * already used are left out, and Email when the message has no subject to send it with.
     */
    public static List<Channel> fallbacks(
            List<Channel> usable, List<Channel> used, List<Channel> requested, List<Channel> allowed, Content content) {
        List<Channel> source = requested != null ? requested : allowedOf(usable, allowed);
        List<Channel> chain = new ArrayList<>();
        for (Channel c : source) {
            boolean sendable = c != Channel.Email || content.subject();
            if (sendable && usable.contains(c) && !used.contains(c) && !chain.contains(c)) {
                chain.add(c);
            }
        }
        return chain;
    }

    /** Mode {@code all}: every allowed channel the stakeholder can be reached on, in the request's order. */
    public static List<Channel> all(List<Channel> usable, List<Channel> allowed) {
        if (allowed.isEmpty()) {
            return usable;
        }
        return allowed.stream().filter(usable::contains).toList();
    }

    private static List<Channel> allowedOf(List<Channel> usable, List<Channel> allowed) {
        return allowed.isEmpty()
                ? usable
                : usable.stream().filter(allowed::contains).toList();
    }
}
