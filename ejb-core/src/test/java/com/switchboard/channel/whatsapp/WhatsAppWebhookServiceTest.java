package com.switchboard.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.conversation.ThreadMessage;
import com.switchboard.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhatsAppWebhookServiceTest {

    @Test
    void takesEverySendersNumberAndMessageTimeAndIgnoresStatuses() {
        String payload = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
                  {"value":{"messaging_product":"whatsapp","messages":[
                     {"from":"447911123456","id":"wamid.a","timestamp":"1767261600","type":"text","text":{"body":"hi"}},
                     {"from":"34600111222","id":"wamid.b","timestamp":"1767261700","type":"text","text":{"body":"hola"}},
                     {"from":"34600111222","id":"wamid.d","timestamp":"1767261710","type":"document",
                      "document":{"id":"media-1","mime_type":"application/pdf","filename":"quote.pdf","caption":"signed"}}]},
                   "field":"messages"},
                  {"value":{"messaging_product":"whatsapp","statuses":[{"id":"wamid.c","status":"delivered",
                     "timestamp":"1767261800","recipient_id":"447911000000"}]},"field":"messages"}]}]}""";
        assertEquals(
                List.of(
                        new WhatsAppWebhookService.Inbound(
                                "+447911123456", Instant.ofEpochSecond(1767261600), "hi", "wamid.a", null),
                        new WhatsAppWebhookService.Inbound(
                                "+34600111222", Instant.ofEpochSecond(1767261700), "hola", "wamid.b", null),
                        new WhatsAppWebhookService.Inbound(
                                "+34600111222",
                                Instant.ofEpochSecond(1767261710),
                                null,
                                "wamid.d",
                                new ThreadMessage.Media(
                                        "document", "media-1", "application/pdf", "signed", "quote.pdf"))),
                WhatsAppWebhookService.inboundMessages(payload.getBytes(StandardCharsets.UTF_8)),
                "three customer messages (one a document, by its media id), no receipt");
    }

    @Test
    void theNewestMessageOrStatusTimeDecidesWhetherANotificationIsAReplay() {
        String payload = """
                {"entry":[{"changes":[{"value":{"messages":[{"from":"447911123456","timestamp":"1767261600"}],
                  "statuses":[{"id":"wamid.c","status":"delivered","timestamp":"1767261800"}]}}]}]}""";
        assertEquals(
                Optional.of(Instant.ofEpochSecond(1767261800)),
                WhatsAppWebhookService.newest(payload.getBytes(StandardCharsets.UTF_8)),
                "the status is the newest");
        assertEquals(
                Optional.empty(),
                WhatsAppWebhookService.newest("{\"entry\":[]}".getBytes(StandardCharsets.UTF_8)),
                "nothing timed, nothing to judge");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        var e = assertThrows(
                InvalidRequestException.class,
                () -> WhatsAppWebhookService.inboundMessages("not json".getBytes(StandardCharsets.UTF_8)));
        assertEquals(InvalidRequestException.Kind.INVALID_VALUE, e.kind(), "malformed notification");
    }

    @Test
    void theWindowIsOpenFor24HoursAfterTheCustomersLastMessage() {
        Instant wrote = Instant.parse("2026-01-01T10:00:00Z");
        assertTrue(
                CustomerServiceWindow.isOpen(Optional.of(wrote), wrote.plusSeconds(24 * 3600 - 1)),
                "one second before it closes");
        assertTrue(
                !CustomerServiceWindow.isOpen(Optional.of(wrote), wrote.plusSeconds(24 * 3600)), "closed at 24 hours");
        assertTrue(!CustomerServiceWindow.isOpen(Optional.empty(), wrote), "closed for a customer who never wrote");
    }
}
