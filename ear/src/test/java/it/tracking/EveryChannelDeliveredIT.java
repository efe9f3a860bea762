package it.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SmsDeliveryEvents;
import sandbox.WhatsAppStatuses;

/**
 * One communication to one stakeholder on email, SMS, WhatsApp and in-app reaches Delivered on
 * every recipient through the sandbox's own receipts alone (SES events, SMS delivery events and
 * WhatsApp statuses posted back by the sandbox peers; the in-app note read by its user), and the
 * tracking query shows each recipient's timeline.
 */
@ExtendWith(Switchboard.class)
class EveryChannelDeliveredIT {
    private static final Api ULRICH = Api.as("user");

    @Test
    void oneCommunicationOnAllFourChannelsIsDeliveredEverywhere() {
        WhatsAppMessages.saveTemplate();
        String user = Api.userName("user");
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String sms =
                "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(999_999));
        String whatsApp = WhatsAppMessages.numberWithReceipts();
        String id = Tracking.send("""
                {"vehicleId":"VH-E2E","customerId":"%1$s",
                 "message":{"templateId":"%2$s","variables":{"name":"Ulrich","vehicle":"Golf"}},
                 "recipients":[{"channel":"Email","address":"%3$s","stakeholderId":"%1$s"},
                               {"channel":"SMS","address":"%4$s","stakeholderId":"%1$s"},
                               {"channel":"WhatsApp","address":"%5$s","stakeholderId":"%1$s"},
                               {"channel":"InApp","address":"%1$s","stakeholderId":"%1$s"}]}""".formatted(user, WhatsAppMessages.TEMPLATE, email, sms, whatsApp));

        String noteId = Tracking.awaitRecipientAccepted(id, 3).getString("providerMessageId");
        Api.Reply read = ULRICH.post("/communications/inapp/" + noteId + "/read", "");
        assertEquals(200, read.status(), "ulrich reads the in-app note: " + read.body());

        for (int i = 0; i < 4; i++) {
            Tracking.awaitRecipient(id, i, "Delivered");
        }
        assertEquals("Delivered", Tracking.communication(id).getString("status"), "the communication is Delivered");

        JsonObject timeline = Receipts.timeline(id);
        assertEquals(4, timeline.getJsonArray("recipients").size(), "four recipients on the timeline");
        assertEquals(List.of("Delivery"), rawStatuses(timeline, 0), "email: the SES Delivery event");
        assertEquals(List.of("TEXT_DELIVERED/DELIVERED"), rawStatuses(timeline, 1), "SMS: the delivery event");
        assertEquals(List.of("sent", "delivered"), rawStatuses(timeline, 2), "WhatsApp: sent, then delivered");
        for (int i = 0; i < 4; i++) {
            JsonObject r = timeline.getJsonArray("recipients").getJsonObject(i);
            assertEquals("Delivered", r.getString("status"), "recipient " + i + " on the timeline: " + r);
            assertTrue(r.containsKey("deliveredAt"), "recipient " + i + " has deliveredAt: " + r);
        }
    }

    @Test
    void theSandboxFailureNumbersFailWithTheProvidersReasons() {
        WhatsAppMessages.saveTemplate();
        String whatsApp =
                "+3462" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000))
                        + WhatsAppStatuses.DEFAULT_FAILURE_SUFFIX;
        String id = Tracking.send(
                """
                {"message":{"templateId":"%s","variables":{"name":"Ana","vehicle":"Golf"}},
                 "recipients":[{"channel":"SMS","address":"%s"},{"channel":"WhatsApp","address":"%s"}]}""".formatted(WhatsAppMessages.TEMPLATE, SmsDeliveryEvents.DEFAULT_FAILURE_NUMBERS, whatsApp));

        JsonObject sms = Tracking.awaitRecipient(id, 0, "Failed");
        assertEquals(SmsDeliveryEvents.CARRIER_REASON, sms.getString("reason"), "the carrier's reason: " + sms);
        JsonObject wa = Tracking.awaitRecipient(id, 1, "Failed");
        assertEquals("Message undeliverable (131026)", wa.getString("reason"), "Graph's error title and code: " + wa);
        // the communication's status follows its recipients' (counted after their move is written)
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .alias("the communication is Failed")
                .until(() -> "Failed".equals(Tracking.communication(id).getString("status")));
    }

    private static List<String> rawStatuses(JsonObject timeline, int index) {
        return WhatsAppStatusIT.rawStatuses(timeline.getJsonArray("recipients").getJsonObject(index));
    }
}
