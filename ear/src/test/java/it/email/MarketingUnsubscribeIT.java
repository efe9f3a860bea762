package it.email;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marketing email carries an RFC 8058 one-click unsubscribe; the mail client's POST to it stops
 * marketing to that address and nothing else: its service messages still go, and a link that was
 * tampered with changes nothing.
 */
@ExtendWith(Switchboard.class)
class MarketingUnsubscribeIT {
    private static final String SEND = """
            {"category":"%s","message":{"subject":"%s","content":"Hello"},"recipients":[{"channel":"Email","address":"%s"}]}""";

    @Test
    void oneClickUnsubscribeStopsMarketingButNotServiceMessages() throws Exception {
        String address = "offers-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Tracking.awaitRecipientAccepted(Tracking.send(SEND.formatted("marketing", "Winter tyres -20%", address)), 0);
        MimeMessage offer = awaitMail(address, "Winter tyres -20%");
        String header = MimeUtility.unfold(offer.getHeader("List-Unsubscribe", null));
        assertNotNull(header, "marketing mail has a List-Unsubscribe header");
        assertEquals(
                "List-Unsubscribe=One-Click", offer.getHeader("List-Unsubscribe-Post", null), "one-click (RFC 8058)");
        String link = header.substring(header.indexOf('<') + 1, header.indexOf('>'));
        assertTrue(link.startsWith(Switchboard.BASE_URL + "/unsubscribe?token="), link);

        Tracking.awaitRecipientAccepted(Tracking.send(SEND.formatted("service", "Your car is ready", address)), 0);
        assertNull(
                awaitMail(address, "Your car is ready").getHeader("List-Unsubscribe", null),
                "a service message has none");

        assertEquals(400, oneClick(link.replace("token=", "token=x")).statusCode(), "a tampered link is refused");
        HttpResponse<String> done = oneClick(link);
        assertEquals(200, done.statusCode(), done.body());

        assertEquals(
                "unsubscribed",
                Tracking.awaitRecipient(
                                Tracking.send(SEND.formatted("marketing", "Spring offer", address)), 0, "Failed")
                        .getString("reason"),
                "no more marketing");
        Tracking.awaitRecipientAccepted(
                Tracking.send(SEND.formatted(null, "Your MOT is due", address).replace("\"category\":\"null\",", "")),
                0);
        assertEquals(1, mails(address, "Your MOT is due").size(), "service messages still arrive");
        assertEquals(0, mails(address, "Spring offer").size());
    }

    @Test
    void aStakeholderWhoDeclinedMarketingOnAChannelGetsItOnAnotherAndServiceMessagesEverywhere() {
        String id = "C-" + UUID.randomUUID();
        String number = "+447400"
                + String.format(
                        "%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        assertEquals(
                200,
                Api.as("csr")
                        .put("/communications/preferences?stakeholderId=" + id, """
                {"stakeholderType":"Customer","channels":{"SMS":{"number":"%s","marketing":false},
                 "Email":{"address":"%s@example.com"}}}""".formatted(number, id.toLowerCase()))
                        .status());
        String send = """
                {"category":"%s","stakeholderIds":["%s"],"message":{"subject":"News","content":"Hello"}}""";
        String marketing = Tracking.send(send.formatted("marketing", id));
        assertEquals(
                "Email",
                Tracking.communication(marketing)
                        .getJsonArray("recipients")
                        .getJsonObject(0)
                        .getString("channel"),
                "marketing skips the SMS the stakeholder declined it on");
        String service = Tracking.send(send.formatted("service", id));
        assertEquals(
                "SMS",
                Tracking.communication(service)
                        .getJsonArray("recipients")
                        .getJsonObject(0)
                        .getString("channel"),
                "a service message takes their first channel");
        assertTrue(
                Api.as("csr")
                        .get("/communications/preferences?stakeholderId=" + id)
                        .json()
                        .getJsonObject("channels")
                        .getJsonObject("SMS")
                        .containsKey("marketing"),
                "the choice is kept");
    }

    @Test
    void anUnknownCategoryIsRefused() {
        Api.Reply r = Api.as("csr").post("/communications/send", SEND.formatted("newsletter", "x", "x@example.com"));
        assertEquals(422, r.status(), r.body());
        assertEquals(
                "category", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    private static HttpResponse<String> oneClick(String link) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static MimeMessage awaitMail(String to, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !mails(to, subject).isEmpty());
        return mails(to, subject).get(0);
    }

    private static List<MimeMessage> mails(String to, String subject) {
        return Arrays.stream(Switchboard.sandbox().mail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                        .anyMatch(a -> a.toString().equals(to))
                                && subject.equals(m.getSubject());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
