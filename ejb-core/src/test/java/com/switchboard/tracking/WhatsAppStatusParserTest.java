package com.switchboard.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.Channel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class WhatsAppStatusParserTest {

    private static Receipt parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            JsonObject status = r.readObject();
            return WhatsAppStatusParser.parse(status).orElseThrow(() -> new AssertionError("no receipt from " + json));
        }
    }

    @Test
    void deliveredIsADeliveryAtTheStatusTime() {
        Receipt r = parse("""
                {"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3","status":"delivered","timestamp":"1767261600",
                 "recipient_id":"16505551234","conversation":{"id":"c1","origin":{"type":"service"}},
                 "pricing":{"billable":true,"pricing_model":"CBP","category":"service"}}""");
        assertEquals(Channel.WhatsApp, r.channel(), "channel");
        assertEquals("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3", r.providerMessageId(), "the wamid finds the recipient");
        assertEquals(ReceiptOutcome.Delivered, r.outcome(), "delivered");
        assertEquals("2026-01-01T10:00:00Z", r.occurredAt(), "epoch seconds as ISO-8601");
        assertEquals("+16505551234", r.address(), "the recipient in E.164");
    }

    @Test
    void ourCallbackDataNamesTheRecipientWithoutALookup() {
        Receipt r = parse("""
                {"id":"wamid.y","status":"delivered","timestamp":"1767261600","recipient_id":"16505551234",
                 "biz_opaque_callback_data":"c0ffee00-0000-4000-8000-000000000001-27"}""");
        assertEquals(
                "c0ffee00-0000-4000-8000-000000000001", r.communicationTag(), "the communication of our delivery id");
        assertEquals(27, r.recipientTag(), "and the recipient's index");
    }

    @Test
    void callbackDataThatIsNotOursNamesNoRecipient() {
        Receipt r = parse("""
                {"id":"wamid.z","status":"delivered","timestamp":"1767261600","recipient_id":"16505551234",
                 "biz_opaque_callback_data":"campaign-x"}""");
        assertEquals(null, r.recipientTag(), "found by the wamid's reference instead");
    }

    @Test
    void failedCarriesTheErrorTitleAndCode() {
        Receipt r = parse("""
                {"id":"wamid.x","status":"failed","timestamp":"1767261600","recipient_id":"16505551234",
                 "errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable",
                   "error_data":{"details":"Message Undeliverable."}}]}""");
        assertEquals(ReceiptOutcome.Failed, r.outcome(), "failed");
        assertEquals("Message undeliverable (131026)", r.reason(), "title and code");
    }

    @Test
    void sentAndReadAreEventsOnly() {
        assertEquals(
                ReceiptOutcome.Event,
                parse("{\"id\":\"wamid.x\",\"status\":\"sent\",\"timestamp\":\"1\"}")
                        .outcome(),
                "sent");
        Receipt read = parse("{\"id\":\"wamid.x\",\"status\":\"read\",\"timestamp\":\"1\"}");
        assertEquals(ReceiptOutcome.Event, read.outcome(), "read is no state");
        assertEquals("read", read.rawStatus(), "but is on the trail as read");
    }

    @Test
    void aStatusWithoutIdIsNoReceipt() {
        try (var r = Json.createReader(new StringReader("{\"status\":\"delivered\"}"))) {
            assertTrue(WhatsAppStatusParser.parse(r.readObject()).isEmpty(), "nothing to find the recipient by");
        }
    }
}
