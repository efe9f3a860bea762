package it.coordination;

import static it.coordination.Coordination.recipients;
import static it.coordination.Coordination.smsTo;
import static it.coordination.Coordination.stakeholder;
import static it.coordination.Coordination.uniqueEmail;
import static it.coordination.Coordination.uniqueNumber;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which channels a send uses for a stakeholder, end to end: urgency and content rules, modes
 * {@code all} and {@code first-success}, and the rule shown on every recipient.
 */
@ExtendWith(Switchboard.class)
class ChannelSelectionIT {

    @Test
    void criticalUrgencyGoesOnSmsAndAlsoInAppForStaff() {
        String number = uniqueNumber();
        String user = Api.userName("user");
        String staff = stakeholder("Staff", """
                {"Email":{"address":"%s"},"InApp":{"address":"%s"},"SMS":{"number":"%s"}}""".formatted(uniqueEmail("@example.com"), user, number));

        String id = Tracking.send("""
                {"urgency":"critical","message":{"subject":"Recall","content":"Brake recall: stop using the vehicle."},
                 "stakeholderIds":["%s"]}""".formatted(staff));

        JsonObject sms = Tracking.awaitRecipientAccepted(id, 0);
        JsonObject inApp = Tracking.awaitRecipientAccepted(id, 1);
        assertEquals("SMS", sms.getString("channel"), "critical goes on SMS though Email is preferred");
        assertEquals("urgency-critical", sms.getString("rule"), "and says why");
        assertEquals("InApp", inApp.getString("channel"), "staff also get it in-app");
        assertEquals(user, inApp.getString("address"), "in their inbox");
        assertEquals(1, smsTo(number).size(), "one SMS published");
    }

    @Test
    void contentLongerThanOneSmsGoesByEmail() {
        String number = uniqueNumber();
        String mail = uniqueEmail("@example.com");
        String customer = stakeholder("Customer", """
                {"SMS":{"number":"%s"},"Email":{"address":"%s"}}""".formatted(number, mail));
        String longText = "Your vehicle inspection report is ready. ".repeat(5);

        String id = Tracking.send("""
                {"message":{"subject":"Inspection report","content":"%s"},"stakeholderIds":["%s"]}""".formatted(longText, customer));

        JsonObject email = Tracking.awaitRecipientAccepted(id, 0);
        assertEquals("Email", email.getString("channel"), "long content goes by Email though SMS is preferred");
        assertEquals("content-long", email.getString("rule"), "and says why");
        assertEquals(mail, email.getString("address"), "to the stakeholder's address");
        assertTrue(smsTo(number).isEmpty(), "no SMS");

        String shortId = Tracking.send("""
                {"message":{"subject":"Ready","content":"Your car is ready."},"stakeholderIds":["%s"]}""".formatted(customer));
        JsonObject sms = Tracking.awaitRecipientAccepted(shortId, 0);
        assertEquals("SMS", sms.getString("channel"), "short content keeps the preferred SMS");
        assertEquals("preference", sms.getString("rule"), "chosen by preference");
    }

    @Test
    void modeAllSendsOnEveryListedChannelWhileFirstSuccessStopsAtTheFirst() {
        String number = uniqueNumber();
        String mail = uniqueEmail("@example.com");
        String customer = stakeholder("Customer", """
                {"Email":{"address":"%s"},"SMS":{"number":"%s"}}""".formatted(mail, number));

        String all = Tracking.send("""
                {"mode":"all","channels":["Email","SMS"],"message":{"subject":"Ready","content":"Your car is ready."},
                 "stakeholderIds":["%s"]}""".formatted(customer));
        JsonObject first = Tracking.awaitRecipientAccepted(all, 0);
        JsonObject second = Tracking.awaitRecipientAccepted(all, 1);
        assertEquals(
                List.of("Email", "SMS"),
                List.of(first.getString("channel"), second.getString("channel")),
                "one recipient entry per listed channel");
        assertEquals("mode-all", first.getString("rule"), "chosen by mode all");
        assertEquals(1, smsTo(number).size(), "the SMS went out");
        await().atMost(Duration.ofSeconds(10)).alias("the mail arrives").until(() -> mailsTo(mail) == 1);

        String firstSuccess = Tracking.send("""
                {"channels":["Email","SMS"],"message":{"subject":"Ready","content":"Your car is ready."},
                 "stakeholderIds":["%s"]}""".formatted(customer));
        Tracking.awaitRecipient(firstSuccess, 0, "Delivered");
        JsonArray recipients = recipients(firstSuccess);
        assertEquals(1, recipients.size(), "first-success uses one channel while it succeeds: " + recipients);
        assertEquals(
                "SMS",
                recipients
                        .getJsonObject(0)
                        .getJsonArray("fallbacks")
                        .getJsonObject(0)
                        .getString("channel"),
                "SMS waits as the fallback");
        assertEquals(1, smsTo(number).size(), "no further SMS");
    }

    @Test
    void badCoordinationFieldsAreRefusedByName() {
        Api.Reply r = Api.as("csr").post("/communications/send", """
                {"mode":"sometimes","fallback":["Fax"],"escalateAfter":"ten minutes",
                 "message":{"content":"Hi"},"recipients":[{"channel":"SMS","address":"+34612345678"}]}""");
        assertEquals(400, r.status(), "bad input: " + r.body());
        List<String> fields = r.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertTrue(fields.containsAll(List.of("mode", "fallback[0]", "escalateAfter")), "each field named: " + fields);

        Api.Reply explicit = Api.as("csr").post("/communications/send", """
                {"message":{"content":"Hi"},"recipients":[{"channel":"SMS","address":"+34612345678",
                 "fallbacks":[{"channel":"Pigeon","address":"x"}]}]}""");
        assertEquals(400, explicit.status(), "bad fallback: " + explicit.body());
        assertEquals(
                "recipients[0].fallbacks[0].channel",
                explicit.json().getJsonArray("errors").getJsonObject(0).getString("field"),
                explicit.body());
    }

    private static long mailsTo(String address) {
        return Arrays.stream(Switchboard.sandbox().mail().getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(address))
                .count();
    }
}
