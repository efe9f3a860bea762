package it.email;

import static it.support.Mailbox.mailsTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SesSmtpFront;

/** A CSR's email goes through the whole pipeline to a real SMTP server and its state shows in the API. */
@ExtendWith(Switchboard.class)
class EmailSendIT {
    private static final Api CSR = Api.as("csr");

    @BeforeAll
    static void template() {
        Api.Reply saved = Api.as("admin").put("/communications/templates/service-reminder", """
                {"locale":"en","channel":"Email","subject":"Your {{vehicle}} is due for service",
                 "body":"Hello {{name}},\\nyour {{vehicle}} is due on {{date}}.",
                 "html":"<p>Hello <b>{{name}}</b>, your {{vehicle}} is due on {{date}}.</p>"}""");
        assertEquals(200, saved.status(), "admin saves a template: " + saved.body());
    }

    @Test
    void templatedEmailArrivesAsHtmlAndTextWithSesHeadersAndShowsSentWithTheSmtpId() throws Exception {
        String to = unique("driver");
        Api.Reply accepted = CSR.post("/communications/send", """
                {"vehicleId":"VH-1","customerId":"C-1","channels":["Email"],
                 "message":{"templateId":"service-reminder","variables":{"name":"Ana <Lopez>","vehicle":"Golf","date":"1 Dec"}},
                 "recipients":[{"channel":"Email","address":"%s"}]}""".formatted(to));
        assertEquals(202, accepted.status(), "send is accepted: " + accepted.body());
        String id = accepted.json().getString("communicationId");
        assertTrue(accepted.header("Location").endsWith("/communications/" + id), "Location names the communication");

        MimeMessage mail = awaitMailTo(to);
        assertEquals("Your Golf is due for service", mail.getSubject(), "subject rendered from the template");
        assertEquals(
                "switchboard-local", mail.getHeader("X-SES-CONFIGURATION-SET", null), "SES configuration set header");
        assertTrue(
                mail.getHeader("X-SES-MESSAGE-TAGS", null).contains("communicationId=" + id), "SES tags carry our id");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount(), "text and HTML alternatives");
        assertTrue(
                ((String) parts.getBodyPart(0).getContent()).contains("Hello Ana <Lopez>,"),
                "plain text is not escaped");
        assertTrue(
                ((String) parts.getBodyPart(1).getContent()).contains("Hello <b>Ana &lt;Lopez&gt;</b>"),
                "HTML is escaped");

        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);
        String sesId = issuedIdFor(to);
        assertEquals(
                sesId, recipient.getString("providerMessageId"), "the SES message id from the 250 reply is stored");
        assertNotNull(recipient.getString("sentAt", null), "sentAt is recorded");
        String status = CSR.get("/communications/" + id).json().getString("status");
        assertTrue(
                "Sent".equals(status) || "Delivered".equals(status),
                "communication is Sent (or Delivered by the sandbox receipt): " + status);
    }

    @Test
    void replayWithTheSameIdempotencyKeySendsExactlyOneMail() throws Exception {
        String to = unique("replay");
        String body = """
                {"message":{"subject":"Pick-up ready","content":"Your car is ready."},
                 "recipients":[{"channel":"Email","address":"%s"}]}""".formatted(to);
        String key = UUID.randomUUID().toString();
        Api.Reply first = CSR.post("/communications/send", body, "Idempotency-Key", key);
        Api.Reply second = CSR.post("/communications/send", body, "Idempotency-Key", key);
        assertEquals(202, first.status(), first.body());
        assertEquals(202, second.status(), second.body());
        assertEquals(
                first.json().getString("communicationId"),
                second.json().getString("communicationId"),
                "a replay returns the same communication");
        Tracking.awaitRecipientAccepted(first.json().getString("communicationId"), 0);
        assertEquals(1, mailsTo(to).size(), "exactly one mail for two requests with one key");

        Api.Reply different =
                CSR.post("/communications/send", body.replace("ready.", "ready!"), "Idempotency-Key", key);
        assertEquals(422, different.status(), "same key, different body is refused: " + different.body());
        assertEquals(
                "Idempotency-Key",
                different.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void permanentSmtpRejectionMarksTheRecipientFailedWithTheReason() {
        String to = unique("nobody");
        smtp().failRecipient(to, 550, "5.1.1 Mailbox does not exist", Integer.MAX_VALUE);
        String id = sendPlain(to);
        JsonObject recipient = awaitRecipient(id, "Failed");
        assertTrue(
                recipient.getString("reason").contains("550 5.1.1 Mailbox does not exist"),
                "reason carries the SMTP reply: " + recipient);
        assertEquals(1, smtp().attempts(to), "a permanent failure is not retried");
        assertEquals("Failed", CSR.get("/communications/" + id).json().getString("status"));
    }

    @Test
    void transientSmtpFailureIsRetriedAndThenSucceeds() throws Exception {
        String to = unique("busy");
        smtp().failRecipient(to, 451, "4.3.0 Try again later", 2);
        String id = sendPlain(to);
        Tracking.awaitRecipientAccepted(id, 0);
        assertEquals(3, smtp().attempts(to), "two 451 replies, then accepted");
        assertEquals(1, mailsTo(to).size(), "delivered once");
    }

    private static String sendPlain(String to) {
        Api.Reply r = CSR.post("/communications/send", """
                {"message":{"subject":"Invoice","content":"Your invoice is attached to your account."},
                 "recipients":[{"channel":"Email","address":"%s"}]}""".formatted(to));
        assertEquals(202, r.status(), r.body());
        return r.json().getString("communicationId");
    }

    static JsonObject awaitRecipient(String id, String status) {
        return Tracking.awaitRecipient(id, 0, status);
    }

    private static MimeMessage awaitMailTo(String to) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(to).isEmpty());
        return mailsTo(to).get(0);
    }

    private static String issuedIdFor(String to) {
        return smtp().issued().stream()
                .filter(i -> i.recipients().contains(to))
                .map(SesSmtpFront.Issued::id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the SMTP front issued no id for " + to));
    }

    private static SesSmtpFront smtp() {
        return Switchboard.sandbox().smtp();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
