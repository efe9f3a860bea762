package com.switchboard.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SES event publishing samples (as in the SES developer guide) read into receipts. */
class SesEventParserTest {
    private static final String MAIL = """
            "mail":{"timestamp":"2026-11-25T10:00:00.000Z","source":"switchboard@example.com","messageId":"0100019a-ses-1",
             "destination":["recipient@example.com"],
             "tags":{"ses:configuration-set":["switchboard"],"communicationId":["c0ffee00-0000-4000-8000-000000000001"],"recipient":["0"]}}""";

    private static Receipt parse(String type, String detail) {
        return SesEventParser.parse(
                        "{\"eventType\":\"" + type + "\"," + MAIL + (detail.isEmpty() ? "" : "," + detail) + "}")
                .orElseThrow();
    }

    @Test
    void deliveryIsDeliveredWithTheSmtpResponseAndOurTag() {
        Receipt r = parse("Delivery", """
                "delivery":{"timestamp":"2026-11-25T10:00:01.133Z","processingTimeMillis":1133,"recipients":["recipient@example.com"],
                 "smtpResponse":"250 2.6.0 Message received","reportingMTA":"a8-70.smtp-out.amazonses.com"}""");
        assertEquals(ReceiptOutcome.Delivered, r.outcome(), "Delivery delivers");
        assertEquals("0100019a-ses-1", r.providerMessageId(), "mail.messageId correlates");
        assertEquals(
                "c0ffee00-0000-4000-8000-000000000001",
                r.communicationTag(),
                "our communication tag names the recipient");
        assertEquals(0, r.recipientTag(), "with the recipient tag, so no lookup is needed");
        assertEquals("recipient@example.com", r.address(), "mail.destination");
        assertEquals("2026-11-25T10:00:01.133Z", r.occurredAt(), "delivery.timestamp");
        assertEquals(List.of(), r.suppress(), "a delivery suppresses nobody");
    }

    @Test
    void permanentBounceFailsAndSuppressesTheBouncedAddress() {
        Receipt r = parse("Bounce", """
                "bounce":{"bounceType":"Permanent","bounceSubType":"General","bouncedRecipients":[{"emailAddress":"recipient@example.com",
                 "action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}],
                 "timestamp":"2026-11-25T10:00:02.000Z","feedbackId":"0100-f","reportingMTA":"dsn; mta.example.com"}""");
        assertEquals(ReceiptOutcome.Failed, r.outcome(), "a bounce fails");
        assertTrue(r.reason().contains("550 5.1.1 user unknown"), "diagnostic code in the reason: " + r.reason());
        assertEquals(List.of("recipient@example.com"), r.suppress(), "a permanent bounce suppresses the address");
    }

    @Test
    void transientBounceFailsWithoutSuppressing() {
        Receipt r = parse("Bounce", """
                "bounce":{"bounceType":"Transient","bounceSubType":"MailboxFull","bouncedRecipients":[{"emailAddress":"recipient@example.com"}]}""");
        assertEquals(ReceiptOutcome.Failed, r.outcome(), "a transient bounce still ends this message");
        assertEquals(List.of(), r.suppress(), "but the address stays usable");
        assertEquals("Bounce/Transient", r.rawStatus(), "the raw status keeps the bounce type");
    }

    @Test
    void complaintIsAnEventThatSuppresses() {
        Receipt r = parse("Complaint", """
                "complaint":{"complainedRecipients":[{"emailAddress":"recipient@example.com"}],"timestamp":"2026-11-25T11:00:00Z",
                 "feedbackId":"0100-c","complaintFeedbackType":"abuse"}""");
        assertEquals(ReceiptOutcome.Event, r.outcome(), "a complaint does not undo a delivery");
        assertEquals(List.of("recipient@example.com"), r.suppress(), "the complainant is suppressed");
    }

    @Test
    void rejectAndRenderingFailureFailOpenClickDelayAndSendAreEventsOnly() {
        assertEquals(
                ReceiptOutcome.Failed,
                parse("Reject", "\"reject\":{\"reason\":\"Bad content\"}").outcome(),
                "Reject");
        assertEquals(
                ReceiptOutcome.Failed,
                parse(
                                "Rendering Failure",
                                "\"failure\":{\"errorMessage\":\"Attribute 'x' is not present\",\"templateName\":\"t\"}")
                        .outcome(),
                "Rendering Failure");
        assertEquals(
                ReceiptOutcome.Event,
                parse("Open", "\"open\":{\"ipAddress\":\"192.0.2.1\",\"timestamp\":\"2026-11-25T12:00:00Z\"}")
                        .outcome(),
                "Open");
        assertEquals(
                "https://example.com/x",
                parse("Click", "\"click\":{\"link\":\"https://example.com/x\",\"timestamp\":\"2026-11-25T12:00:00Z\"}")
                        .reason(),
                "Click keeps the link");
        assertEquals(
                ReceiptOutcome.Event,
                parse("DeliveryDelay", "\"deliveryDelay\":{\"delayType\":\"MailboxFull\"}")
                        .outcome(),
                "DeliveryDelay");
        assertEquals(ReceiptOutcome.Event, parse("Send", "\"send\":{}").outcome(), "Send");
    }

    @Test
    void somethingThatIsNoSesEventIsNoReceipt() {
        assertTrue(SesEventParser.parse("hello").isEmpty(), "not JSON");
        assertTrue(SesEventParser.parse("{\"eventType\":\"Delivery\"}").isEmpty(), "no mail.messageId");
    }
}
