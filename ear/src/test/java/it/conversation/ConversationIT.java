package it.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static it.support.Switchboard.sandbox;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sandbox.GraphApiStubs.MESSAGES;

import it.support.Api;
import it.support.Customers;
import it.support.LocalDynamo;
import it.support.Switchboard;
import it.support.TestClock;
import it.support.Tracking;
import it.webhook.WebhookReceiver;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Customers answer, CSRs reply: a customer's WhatsApp or SMS message, posted by the sandbox as the
 * provider's own signed notification, lands in the thread of its number, named for the stakeholder
 * whose preferences give that number and linked to the communication it answers; a CSR's reply is a
 * tracked communication that the provider peer receives, refused on WhatsApp once the 24-hour window
 * has closed.
 */
@ExtendWith(Switchboard.class)
class ConversationIT {
    private static final Api CSR = Api.as("csr");
    private static final Api ADMIN = Api.as("admin");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String subscription;
    private WebhookReceiver receiver;

    @AfterEach
    void cleanUp() {
        if (subscription != null) {
            ADMIN.delete("/communications/webhooks/" + subscription);
        }
        if (receiver != null) {
            receiver.close();
        }
        TestClock.reset();
    }

    @Test
    void aWhatsAppAnswerLandsInTheStakeholdersThreadLinkedToTheMessageItAnswersAndReachesSubscribers()
            throws Exception {
        receiver = new WebhookReceiver(id -> 200);
        Api.Reply subscribed = ADMIN.post(
                "/communications/webhooks", "{\"url\":\"%s\",\"eventTypes\":[\"inbound\"]}".formatted(receiver.url()));
        assertEquals(201, subscribed.status(), subscribed.body());
        subscription = subscribed.json().getString("id");
        String number = Customers.number();
        String stakeholder = "conv-" + number.substring(1);
        assertEquals(
                200,
                ADMIN.put("/communications/preferences/profile?stakeholderId=" + stakeholder, """
                        {"displayName":"Carla Jones","vehicles":["CJ24 XYZ"]}""")
                        .status(),
                "profile");
        givesNumber(stakeholder, "Customer", "WhatsApp", number);
        // the customer wrote first, so our free text may go; then they answer it
        Customers.write("whatsapp", number, "Hello, is my car ready?");
        String thread = "whatsapp-" + number.substring(1);
        awaitMessages(thread, 1);
        String ours = Tracking.send("""
                {"recipients":[{"channel":"WhatsApp","address":"%s"}],
                 "message":{"content":"Your car is ready for collection."}}""".formatted(number));
        Tracking.awaitRecipient(ours, 0, "Delivered");
        Customers.write("whatsapp", number, "Can I collect it at 5?");

        JsonArray messages = awaitMessages(thread, 3);
        JsonObject answer = messages.getJsonObject(2);
        assertEquals("in", answer.getString("direction"), "the customer's answer is last: " + messages);
        assertEquals("Can I collect it at 5?", answer.getString("text"), "its text is kept: " + answer);
        assertEquals(ours, answer.getString("inReplyTo"), "it answers our last message to the number: " + answer);
        JsonObject sent = messages.getJsonObject(1);
        assertEquals("out", sent.getString("direction"), "our message sits between: " + messages);
        assertEquals("Your car is ready for collection.", sent.getString("text"), "our text: " + sent);
        assertEquals(ours, sent.getString("communicationId"), "our message is that communication: " + sent);

        JsonObject summary =
                CSR.get("/communications/conversations/" + thread).json().getJsonObject("thread");
        assertEquals(stakeholder, summary.getString("stakeholderId"), "matched by number: " + summary);
        assertEquals("Carla Jones", summary.getString("displayName"), "named from the profile: " + summary);
        assertEquals(2, summary.getInt("unread"), "both customer messages unread: " + summary);
        assertTrue(
                Instant.parse(summary.getString("windowClosesAt"))
                        .isAfter(Instant.now().plus(Duration.ofHours(23))),
                "the window closes 24 h after the last customer message: " + summary);

        JsonObject listed =
                CSR.get("/communications/conversations?unread=true&limit=100").json().getJsonArray("items").stream()
                        .map(JsonObject.class::cast)
                        .filter(t -> t.getString("id").equals(thread))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the thread is among the unread ones"));
        assertEquals("Can I collect it at 5?", listed.getString("lastText"), "the list shows the last message");

        JsonArray replies = CSR.get("/communications/" + ours + "/replies").jsonArray();
        assertEquals(1, replies.size(), "the communication shows the reply it received: " + replies);
        assertEquals("Can I collect it at 5?", replies.getJsonObject(0).getString("text"));
        assertEquals(thread, replies.getJsonObject(0).getString("threadId"), "and names its thread");

        await("the inbound webhook event")
                .atMost(WAIT)
                .until(() -> receiver.received().stream().anyMatch(r -> r.body().contains("Can I collect it at 5?")));
        JsonObject event = receiver.received().stream()
                .filter(r -> r.body().contains("Can I collect it at 5?"))
                .findFirst()
                .orElseThrow()
                .json();
        assertEquals("inbound", event.getString("type"), "event type: " + event);
        JsonObject data = event.getJsonObject("data");
        assertEquals(thread, data.getString("threadId"), "the event names the thread: " + event);
        assertEquals(number, data.getString("from"), "and the sender: " + event);
        assertEquals(ours, data.getString("inReplyTo"), "and what it answers: " + event);

        assertEquals(
                204,
                CSR.post("/communications/conversations/" + thread + "/read", "")
                        .status(),
                "mark read");
        assertEquals(
                0,
                CSR.get("/communications/conversations/" + thread)
                        .json()
                        .getJsonObject("thread")
                        .getInt("unread"),
                "read");
        assertFalse(
                CSR.get("/communications/conversations?unread=true&limit=100")
                        .body()
                        .contains(thread),
                "no longer among the unread");
    }

    @Test
    void aCsrRepliesOnWhatsAppInsideTheWindowAndIsRefusedOnceItHasClosed() {
        String number = Customers.number();
        String thread = "whatsapp-" + number.substring(1);
        Customers.write("whatsapp", number, "Do you have a slot on Friday?");
        awaitMessages(thread, 1);

        Api.Reply reply =
                CSR.post("/communications/conversations/" + thread + "/replies", "{\"text\":\"Yes, 10:00 is free.\"}");
        assertEquals(202, reply.status(), "inside the window: " + reply.body());
        String communication = reply.json().getString("communicationId");
        assertTrue(
                Instant.parse(reply.json().getString("windowClosesAt")).isAfter(Instant.now()),
                "the answer says until when free text may go: " + reply.body());
        Tracking.awaitRecipient(communication, 0, "Delivered");
        sandbox()
                .wireMock()
                .verify(postRequestedFor(urlPathMatching(MESSAGES))
                        .withRequestBody(matchingJsonPath(
                                "$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(number)))
                        .withRequestBody(matchingJsonPath(
                                "$.text.body",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Yes, 10:00 is free."))));
        JsonArray messages = awaitMessages(thread, 2);
        assertEquals("Yes, 10:00 is free.", messages.getJsonObject(1).getString("text"), "the reply is in the thread");
        assertEquals(
                "out",
                CSR.get("/communications/conversations/" + thread)
                        .json()
                        .getJsonObject("thread")
                        .getString("lastDirection"),
                "the thread shows our reply last");

        TestClock.set(Instant.now().plus(Duration.ofHours(25)));
        Api.Reply late =
                CSR.post("/communications/conversations/" + thread + "/replies", "{\"text\":\"Are you still there?\"}");
        assertEquals(422, late.status(), "outside the window: " + late.body());
        assertEquals("application/problem+json", late.contentType(), late.body());
        assertTrue(late.body().contains("\"text\""), "the field at fault: " + late.body());
        assertTrue(late.body().contains("window closed"), "says why: " + late.body());
    }

    @Test
    void preferencesSavedBeforeTheNumberIndexAreFoundOnceAnAdminRebuildsIt() {
        String number = Customers.number();
        String stakeholder = "legacy-" + number.substring(1);
        givesNumber(stakeholder, "Supplier", "SMS", number);
        // as saved before the index existed
        LocalDynamo.client()
                .deleteItem(b -> b.tableName(LocalDynamo.TABLE)
                        .key(java.util.Map.of(
                                "PK", LocalDynamo.s("NUMBER#sms#" + number), "SK", LocalDynamo.s("OWNER"))));
        assertEquals(
                403,
                CSR.post("/communications/preferences/number-index", "").status(),
                "only an administrator rebuilds it");

        int stakeholders = 0;
        int written = 0;
        String next = null;
        do {
            Api.Reply page = ADMIN.post(
                    "/communications/preferences/number-index?limit=100" + (next == null ? "" : "&next=" + next), "");
            assertEquals(200, page.status(), page.body());
            stakeholders += page.json().getInt("stakeholders");
            written += page.json().getInt("numbersWritten");
            next = page.json().getString("next", null);
        } while (next != null);
        assertTrue(
                stakeholders > 0 && written >= 1, stakeholders + " stakeholders read, " + written + " numbers written");

        String thread = "sms-" + number.substring(1);
        Customers.write("sms", number, "Parts arrive Tuesday.");
        awaitMessages(thread, 1);
        JsonObject summary =
                CSR.get("/communications/conversations/" + thread).json().getJsonObject("thread");
        assertEquals(stakeholder, summary.getString("stakeholderId", null), "the reply names its sender: " + summary);
        assertTrue(
                ADMIN.get("/communications/audit?limit=20").body().contains("preferences.index-numbers"),
                "the rebuild is audited");
    }

    @Test
    void anSmsReplyFromAnUnknownNumberHasItsOwnThreadAndTheCsrAnswersIt() {
        String number = Customers.number();
        String thread = "sms-" + number.substring(1);
        Customers.write("sms", number, "Who is this? I got a message about my MOT.");
        JsonArray messages = awaitMessages(thread, 1);
        assertEquals("in", messages.getJsonObject(0).getString("direction"));
        JsonObject summary =
                CSR.get("/communications/conversations/" + thread).json().getJsonObject("thread");
        assertFalse(summary.containsKey("stakeholderId"), "nobody's number: " + summary);
        assertEquals(number, summary.getString("number"), "the thread is the number's: " + summary);
        assertFalse(summary.containsKey("windowClosesAt"), "SMS has no window: " + summary);

        Api.Reply reply = CSR.post(
                "/communications/conversations/" + thread + "/replies",
                "{\"text\":\"This is Northside Motors: your MOT is due on 12 May.\"}");
        assertEquals(202, reply.status(), reply.body());
        Tracking.awaitRecipient(reply.json().getString("communicationId"), 0, "Delivered");
        sandbox()
                .wireMock()
                .verify(postRequestedFor(urlPathMatching("/"))
                        .withRequestBody(
                                com.github.tomakehurst.wiremock.client.WireMock.containing("Northside+Motors")));

        assertEquals(
                404,
                CSR.get("/communications/conversations/sms-447400000098").status(),
                "a number nobody wrote from has no conversation");
        Api.Reply empty = CSR.post("/communications/conversations/" + thread + "/replies", "{\"text\":\"  \"}");
        assertEquals(400, empty.status(), "an empty reply: " + empty.body());
        assertTrue(empty.body().contains("\"text\""), "names the field: " + empty.body());
    }

    @Test
    void aDocumentTheCustomerSentIsDownloadedThroughTheGraphApiOnDemand() {
        String number = Customers.number();
        String thread = "whatsapp-" + number.substring(1);
        Customers.sendDocument(number, "1093847561", "MOT certificate.pdf", "here it is");
        JsonObject message = awaitMessages(thread, 1).getJsonObject(0);
        JsonObject media = message.getJsonObject("media");
        assertEquals("document", media.getString("type"), "the message is a document: " + message);
        assertEquals("1093847561", media.getString("mediaId"), "with Graph's media id: " + message);
        assertEquals("MOT certificate.pdf", media.getString("filename"), "its name: " + message);
        assertEquals("here it is", media.getString("caption"), "its caption: " + message);
        assertEquals(
                "[document] here it is",
                CSR.get("/communications/conversations/" + thread)
                        .json()
                        .getJsonObject("thread")
                        .getString("lastText"),
                "the list shows what it is");

        String path = "/communications/conversations/" + thread + "/messages/" + message.getString("id") + "/media";
        Api.Reply file = CSR.get(path);
        assertEquals(200, file.status(), "downloaded: " + file.body());
        assertEquals("application/pdf", file.contentType(), "Graph's MIME type");
        assertEquals(
                new String(sandbox.GraphApiStubs.MEDIA_BYTES, java.nio.charset.StandardCharsets.US_ASCII),
                file.body(),
                "the bytes the media URL served");
        assertTrue(
                file.header("Content-Disposition").contains("MOT certificate.pdf"),
                "saved under its name: " + file.header("Content-Disposition"));
        sandbox()
                .wireMock()
                .verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v[0-9.]+/1093847561"))
                        .withHeader(
                                "Authorization",
                                com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
        assertEquals(403, Api.as("user").get(path).status(), "not for a user");
        assertEquals(
                404,
                CSR.get("/communications/conversations/" + thread + "/messages/wamid.unknown/media")
                        .status(),
                "no such message in the thread");
    }

    @Test
    void aRetriedNotificationIsStoredOnce() throws Exception {
        String number = Customers.number();
        String thread = "whatsapp-" + number.substring(1);
        String body = sandbox.CustomerMessages.whatsApp(
                number, "Thanks!", null, "wamid.retried-" + number.substring(1), Instant.now());
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(Api.as("csr").baseUrl() + "/webhooks/whatsapp"))
                            .header("Content-Type", "application/json")
                            .header(
                                    "X-Hub-Signature-256",
                                    sandbox.WhatsAppStatuses.sign(sandbox.WhatsAppStatuses.APP_SECRET, body))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "Meta's notification is acknowledged: " + r.body());
        }
        assertEquals(1, awaitMessages(thread, 1).size(), "one message");
        assertEquals(
                1,
                CSR.get("/communications/conversations/" + thread)
                        .json()
                        .getJsonObject("thread")
                        .getInt("unread"),
                "counted once");
    }

    /** Saves the stakeholder's preferences with {@code number} on {@code channel}, failing unless stored. */
    private static void givesNumber(String stakeholder, String type, String channel, String number) {
        Api.Reply saved = ADMIN.put(
                "/communications/preferences?stakeholderId=" + stakeholder, """
                {"stakeholderType":"%s","channels":{"%s":{"enabled":true,"number":"%s"}}}""".formatted(type, channel, number));
        assertEquals(200, saved.status(), "preferences give the " + channel + " number: " + saved.body());
    }

    private static JsonArray awaitMessages(String thread, int count) {
        JsonArray[] messages = new JsonArray[1];
        await("%d messages in %s".formatted(count, thread)).atMost(WAIT).until(() -> {
            Api.Reply r = CSR.get("/communications/conversations/" + thread);
            messages[0] = r.status() == 200 ? r.json().getJsonArray("messages") : null;
            return messages[0] != null && messages[0].size() >= count;
        });
        return messages[0];
    }
}
