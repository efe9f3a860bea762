package com.switchboard.communication;

import static com.switchboard.channel.Channel.Email;
import static com.switchboard.channel.Channel.InApp;
import static com.switchboard.channel.Channel.SMS;
import static com.switchboard.channel.Channel.WhatsApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.Channel;
import com.switchboard.communication.ChannelSelection.Choice;
import com.switchboard.communication.ChannelSelection.Content;
import com.switchboard.template.RenderedMessage;
import com.switchboard.template.Template;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelSelectionTest {
    private static final Content SHORT = new Content(false, false, false, true);
    private static final List<Channel> NONE = List.of();

    private static Choice first(List<Channel> usable, Channel primary, Urgency urgency, Content content) {
        return ChannelSelection.first(usable, primary, NONE, urgency, content).orElseThrow();
    }

    @Test
    void theRequestsPrimaryChannelWinsOverThePreferenceOrder() {
        assertEquals(
                new Choice(SMS, "primary"),
                first(List.of(Email, SMS), SMS, Urgency.normal, SHORT),
                "primary SMS is used though Email is preferred");
        assertEquals(
                new Choice(Email, "preference"),
                first(List.of(Email, SMS), WhatsApp, Urgency.normal, SHORT),
                "a primary the stakeholder cannot be reached on gives way to their first channel");
    }

    @Test
    void criticalUrgencyGoesOnSmsAndAlsoInAppForStaff() {
        Choice c = first(List.of(Email, InApp, SMS), Email, Urgency.critical, SHORT);
        assertEquals(new Choice(SMS, "urgency-critical"), c, "critical beats primary and preference");
        assertEquals(
                List.of(InApp),
                ChannelSelection.alsoAtOnce(c, List.of(Email, InApp, SMS), "Staff"),
                "staff also in-app");
        assertEquals(
                List.of(),
                ChannelSelection.alsoAtOnce(c, List.of(Email, InApp, SMS), "Customer"),
                "customers SMS only");
        assertEquals(
                new Choice(Email, "preference"),
                first(List.of(Email, InApp), null, Urgency.critical, SHORT),
                "without SMS a critical message takes the usual rules");
        assertEquals(
                new Choice(Email, "preference"),
                first(List.of(Email, SMS), null, Urgency.high, SHORT),
                "high is not critical");
    }

    @Test
    void longOrHtmlContentGoesByEmailWhenTheStakeholderHasIt() {
        assertEquals(
                new Choice(Email, "content-long"),
                first(List.of(SMS, Email), SMS, Urgency.normal, new Content(true, false, false, true)),
                "long content beats the primary SMS");
        assertEquals(
                new Choice(Email, "content-html"),
                first(List.of(WhatsApp, Email), null, Urgency.normal, new Content(false, true, false, true)),
                "HTML goes by Email");
        assertEquals(
                new Choice(SMS, "preference"),
                first(List.of(SMS), null, Urgency.normal, new Content(true, false, false, true)),
                "without Email long content stays on SMS");
    }

    @Test
    void aWhatsAppTemplateForcesWhatsApp() {
        assertEquals(
                new Choice(WhatsApp, "content-whatsapp-template"),
                first(List.of(Email, SMS, WhatsApp), Email, Urgency.normal, new Content(true, true, true, true)),
                "the template's channel beats content and primary");
    }

    @Test
    void theAllowedChannelsLimitTheRules() {
        assertEquals(
                new Choice(Email, "preference"),
                ChannelSelection.first(List.of(SMS, Email), null, List.of(Email), Urgency.critical, SHORT)
                        .orElseThrow(),
                "critical does not go on a channel the request left out");
        assertTrue(
                ChannelSelection.first(List.of(SMS), null, List.of(Email), Urgency.normal, SHORT)
                        .isEmpty(),
                "nothing usable among the allowed channels");
    }

    @Test
    void theFallbackChainIsTheRequestedListOrTheRemainingPreferences() {
        List<Channel> usable = List.of(WhatsApp, Email, SMS, InApp);
        assertEquals(
                List.of(Email, SMS, InApp),
                ChannelSelection.fallbacks(usable, List.of(WhatsApp), null, NONE, SHORT),
                "remaining channels in preference order");
        assertEquals(
                List.of(SMS, Email),
                ChannelSelection.fallbacks(usable, List.of(WhatsApp), List.of(SMS, WhatsApp, Email), NONE, SHORT),
                "requested order, without the channel already used");
        assertEquals(
                List.of(SMS),
                ChannelSelection.fallbacks(List.of(WhatsApp, SMS), List.of(WhatsApp), List.of(Email, SMS), NONE, SHORT),
                "requested channels the stakeholder lacks are skipped");
        assertEquals(
                List.of(SMS, InApp),
                ChannelSelection.fallbacks(
                        usable, List.of(WhatsApp), null, NONE, new Content(false, false, false, false)),
                "no Email without a subject");
        assertEquals(
                List.of(SMS),
                ChannelSelection.fallbacks(usable, List.of(WhatsApp), null, List.of(WhatsApp, SMS), SHORT),
                "limited to the request's channels");
    }

    @Test
    void modeAllTakesEveryAllowedChannelInTheRequestsOrder() {
        assertEquals(
                List.of(SMS, Email),
                ChannelSelection.all(List.of(Email, WhatsApp, SMS), List.of(SMS, Email, InApp)),
                "listed channels the stakeholder has");
        assertEquals(List.of(Email, WhatsApp), ChannelSelection.all(List.of(Email, WhatsApp), NONE), "all of theirs");
    }

    @Test
    void contentIsLongPastOneSmsAndHtmlByTemplateOrMarkup() {
        Content oneSms = Content.of(new RenderedMessage("s", "x".repeat(160), null), null, "x".repeat(160));
        assertFalse(oneSms.longText(), "160 GSM-7 characters fit one SMS");
        assertTrue(
                Content.of(new RenderedMessage("s", "x".repeat(161), null), null, "x".repeat(161))
                        .longText(),
                "161 do not");
        assertTrue(
                Content.of(new RenderedMessage(null, "hi", null), null, "<p>Hello</p>")
                        .html(),
                "literal markup is HTML");
        assertFalse(
                Content.of(new RenderedMessage(null, "a < b", null), null, "a < b")
                        .html(),
                "a less-than sign is not");
        assertTrue(
                Content.of(new RenderedMessage(null, "x", null), null, "<div class=\"a\">x</div>")
                        .html(),
                "a tag with attributes");
        Template withHtml = new Template("t", "en", 1, null, "s", "b", "<p>{{x}}</p>", null, null, null, null, null);
        assertTrue(
                Content.of(new RenderedMessage("s", "b", "<p>b</p>"), withHtml, null)
                        .html(),
                "a template with an html body");
        Template whatsapp =
                new Template("t", "en", 1, null, null, "b", null, "service_reminder", "en_US", List.of(), null, null);
        assertTrue(
                Content.of(new RenderedMessage(null, "b", null), whatsapp, null).whatsappTemplate(),
                "a WhatsApp template");
        assertFalse(
                Content.of(new RenderedMessage(null, "b", null), whatsapp, null).subject(), "no subject");
    }

    @Test
    void craftedContentWithoutClosingBracketsIsReadInLinearTime() {
        // quadratic matching took minutes on this; linear takes milliseconds, so the bound is generous
        String crafted = "<p".repeat(100_000) + "<b x=1" + " ".repeat(100_000);
        boolean html = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> Content.of(new RenderedMessage(null, "x", null), null, crafted)
                        .html());
        assertFalse(html, "no tag is ever closed");
    }
}
