package it.document;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static it.document.Documents.graphCallsFor;
import static it.document.Documents.json;
import static it.document.Documents.linkIn;
import static it.document.Documents.pdf;
import static it.document.Documents.png;
import static it.document.Documents.smsTextTo;
import static it.document.Documents.uploaded;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sandbox.GraphApiStubs.MESSAGES;
import static sandbox.GraphApiStubs.graphError;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import it.support.Api;
import it.support.Mailbox;
import it.support.Switchboard;
import it.support.TestClock;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A document attached to a send reaches the recipient on every channel: inside the email, as a
 * WhatsApp document message, as a link in the SMS text, and through the in-app note for its user
 * only; in each case the bytes the recipient gets are the bytes uploaded.
 */
@ExtendWith(Switchboard.class)
class AttachmentDeliveryIT {

    @Test
    void anEmailCarriesTheDocumentAsAnAttachmentWithTheUploadedBytes() throws Exception {
        byte[] bytes = pdf();
        String documentId = uploaded(bytes, "application/pdf", "invoice-4711.pdf");
        // a PDF of ASCII lines only: sent 7bit, SMTP would turn its LF into CRLF
        byte[] ascii = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String asciiId = uploaded(ascii, "application/pdf", "terms.pdf");
        String address = "attach-" + UUID.randomUUID() + "@example.com";

        String id = Tracking.send(send("Email", address, documentId + "\",\"" + asciiId));
        Tracking.awaitRecipientAccepted(id, 0);
        JsonObject reference =
                Tracking.communication(id).getJsonArray("attachments").getJsonObject(0);
        assertEquals(documentId, reference.getString("id"), "the communication names its document: " + reference);
        assertEquals(bytes.length, reference.getInt("size"), "with its size (the bytes stay in S3)");

        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(20))
                .alias("the mail reaches the sandbox mailbox")
                .until(() -> Mailbox.mailsTo(address), m -> m.size() == 1);
        MimeMessage mail = mails.get(0);
        assertTrue(mail.isMimeType("multipart/mixed"), "the mail is multipart/mixed: " + mail.getContentType());
        List<BodyPart> attachments = attachmentsOf((Multipart) mail.getContent());
        assertEquals(2, attachments.size(), "one part per attachment");
        BodyPart part = attachments.get(0);
        assertEquals("invoice-4711.pdf", part.getFileName(), "with the uploaded name");
        assertTrue(part.isMimeType("application/pdf"), "as a PDF: " + part.getContentType());
        try (InputStream in = part.getInputStream()) {
            assertArrayEquals(bytes, in.readAllBytes(), "the attachment holds exactly the uploaded bytes");
        }
        try (InputStream in = attachments.get(1).getInputStream()) {
            assertArrayEquals(ascii, in.readAllBytes(), "a text-like document keeps its line ends");
        }
        Multipart mixed = (Multipart) mail.getContent();
        assertTrue(
                mixed.getBodyPart(0).isMimeType("multipart/alternative"),
                "the text and HTML alternatives come first: "
                        + mixed.getBodyPart(0).getContentType());
    }

    @Test
    void aWhatsAppCustomerInsideTheWindowGetsTheTextThenADocumentMessageWhoseLinkDownloadsTheBytes() {
        byte[] bytes = pdf();
        String documentId = uploaded(bytes, "application/pdf", "service-report.pdf");
        String number = Documents.uniqueSpanishNumber();
        Documents.customerWrites(number);

        String id = Tracking.send(send("WhatsApp", number, documentId));
        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);

        List<ServeEvent> calls = graphCallsFor(number);
        assertEquals(2, calls.size(), "the text and the document went to the Graph API: " + calls.size());
        JsonObject text = json(calls.get(0).getRequest().getBodyAsString());
        JsonObject document = json(calls.get(1).getRequest().getBodyAsString());
        assertEquals("text", text.getString("type"), "the text goes first: " + text);
        assertEquals("document", document.getString("type"), "then a document message: " + document);
        assertEquals(
                "service-report.pdf",
                document.getJsonObject("document").getString("filename"),
                "named as uploaded: " + document);
        assertEquals(
                id + "-0",
                document.getString("biz_opaque_callback_data"),
                "its statuses name the same recipient: " + document);
        String wamid = json(calls.get(0).getResponse().getBodyAsString())
                .getJsonArray("messages")
                .getJsonObject(0)
                .getString("id");
        assertEquals(wamid, recipient.getString("providerMessageId"), "the delivery keeps the text's wamid");

        HttpResponse<byte[]> fetched =
                Api.anonymous().getBytes(document.getJsonObject("document").getString("link"));
        assertEquals(200, fetched.statusCode(), "Graph (anyone with the link) can fetch the document");
        assertArrayEquals(bytes, fetched.body(), "the link serves the uploaded bytes");
        assertEquals(
                "application/pdf", fetched.headers().firstValue("Content-Type").orElse(""), "with the document's type");
    }

    @Test
    void whenTheDocumentMessageFailsOnceTheRetrySendsTheDocumentAndNotTheTextAgain() {
        String documentId = uploaded(pdf(), "application/pdf", "estimate.pdf");
        String number = Documents.uniqueSpanishNumber();
        Documents.customerWrites(number);
        WireMockServer graph = Switchboard.sandbox().wireMock();
        StubMapping outage = graph.stubFor(post(urlPathMatching(MESSAGES))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("document")))
                .inScenario("document-" + number)
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("failed once")
                .willReturn(graphError(500, 131000, 0, "OAuthException", "Something went wrong")));
        try {
            String id = Tracking.send(send("WhatsApp", number, documentId));
            JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);

            List<String> types = graphCallsFor(number).stream()
                    .map(e -> json(e.getRequest().getBodyAsString()).getString("type"))
                    .toList();
            assertEquals(
                    List.of("text", "document", "document"),
                    types,
                    "the text once, the document again after its 500: " + types);
            String wamid = json(graphCallsFor(number).get(0).getResponse().getBodyAsString())
                    .getJsonArray("messages")
                    .getJsonObject(0)
                    .getString("id");
            assertEquals(wamid, recipient.getString("providerMessageId"), "the delivery keeps the text's wamid");
        } finally {
            graph.removeStub(outage);
        }
    }

    @Test
    void anImageGoesToWhatsAppAsAnImageMessage() {
        String documentId = uploaded(png(), "image/png", "dent.png");
        String number = Documents.uniqueSpanishNumber();
        Documents.customerWrites(number);

        Tracking.awaitRecipientAccepted(Tracking.send(send("WhatsApp", number, documentId)), 0);

        JsonObject image = json(graphCallsFor(number).get(1).getRequest().getBodyAsString());
        assertEquals("image", image.getString("type"), "a PNG is an image message: " + image);
        assertTrue(
                image.getJsonObject("image").getString("link").contains("/documents/" + documentId + "?"),
                "linking to the document: " + image);
    }

    @Test
    void anSmsCarriesASignedLinkAndFetchingItReturnsTheBytes() {
        byte[] bytes = pdf();
        String documentId = uploaded(bytes, "application/pdf", "quote.pdf");
        String number = Documents.uniqueUkNumber();

        String id = Tracking.send(send("SMS", number, documentId));
        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);

        String text = smsTextTo(number).orElseThrow(() -> new AssertionError("no SMS was published to " + number));
        assertTrue(text.startsWith("Your documents are ready."), "the message comes first: " + text);
        assertTrue(text.contains("quote.pdf: http://127.0.0.1:9080/documents/" + documentId), "then its link: " + text);
        assertEquals(2, recipient.getInt("segments"), "the parts are counted with the link: " + recipient);

        HttpResponse<byte[]> fetched = Api.anonymous().getBytes(linkIn(text));
        assertEquals(200, fetched.statusCode(), "the link opens without a login");
        assertArrayEquals(bytes, fetched.body(), "and serves the uploaded bytes");
        assertTrue(
                fetched.headers().firstValue("Content-Disposition").orElse("").contains("quote.pdf"),
                "as a download named as uploaded: " + fetched.headers().map());
    }

    @Test
    void anInAppNoteLinksTheDocumentForItsUserAndNoOneElse() {
        byte[] bytes = pdf();
        String documentId = uploaded(bytes, "application/pdf", "contract.pdf");
        String user = Api.userName("user");

        String id = Tracking.send(send("InApp", user, documentId));
        Tracking.awaitRecipientAccepted(id, 0);

        Api owner = Api.as("user");
        JsonObject note = await().atMost(Duration.ofSeconds(20))
                .alias("the note is in " + user + "'s inbox")
                .until(
                        () -> owner.get("/communications/inapp/inbox?limit=50").json().getJsonArray("items").stream()
                                .map(JsonObject.class::cast)
                                .filter(n -> id.equals(n.getString("communicationId")))
                                .findFirst()
                                .orElse(null),
                        n -> n != null);
        JsonObject attachment = note.getJsonArray("attachments").getJsonObject(0);
        assertEquals("contract.pdf", attachment.getString("filename"), "the note names the document: " + note);
        String url = attachment.getString("url");

        HttpResponse<byte[]> own = owner.getBytes(url);
        assertEquals(200, own.statusCode(), "its user downloads it");
        assertArrayEquals(bytes, own.body(), "the uploaded bytes");
        assertEquals(404, Api.as("user2").getBytes(url).statusCode(), "another user does not (not found)");
        assertEquals(404, Api.as("csr").getBytes(url).statusCode(), "nor does staff through someone's note");
        assertEquals(401, Api.anonymous().getBytes(url).statusCode(), "nor anyone without a login");
    }

    @Test
    void aDailyDigestCarriesItsMessagesDocumentsAndLinksThoseBeyondOneSendsLimit() throws Exception {
        List<byte[]> bytes =
                java.util.stream.Stream.generate(Documents::pdf).limit(6).toList();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < bytes.size(); i++) {
            ids.add(uploaded(bytes.get(i), "application/pdf", "doc-" + i + ".pdf"));
        }
        String email = "digest-docs-" + UUID.randomUUID() + "@example.com";
        String stakeholder = "S-" + UUID.randomUUID();
        Api.Reply saved =
                Api.as("admin").put("/communications/preferences?stakeholderId=" + stakeholder, """
                {"stakeholderType":"Customer","timezone":"Europe/London","digestTime":"08:00",
                 "channels":{"Email":{"enabled":true,"address":"%s","frequency":"Daily"}}}""".formatted(email));
        assertEquals(200, saved.status(), saved.body());
        Instant digestAt = Instant.parse("2026-11-03T08:00:00Z");
        try {
            TestClock.set(digestAt.minus(Duration.ofHours(10)));
            for (List<String> three : List.of(ids.subList(0, 3), ids.subList(3, 6))) {
                String id = Tracking.send("""
                        {"stakeholderIds":["%s"],"message":{"subject":"Papers","content":"Your papers."},
                         "attachments":["%s"]}""".formatted(stakeholder, String.join("\",\"", three)));
                await().atMost(Duration.ofSeconds(30))
                        .alias("held for the digest")
                        .until(() -> Tracking.communication(id)
                                .getJsonArray("recipients")
                                .getJsonObject(0)
                                .containsKey("heldFor"));
            }
            TestClock.set(digestAt);
            MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                    .alias("the digest email arrives")
                    .until(() -> Mailbox.mailsTo(email), m -> m.size() == 1)
                    .get(0);

            List<BodyPart> attachments = attachmentsOf((Multipart) mail.getContent());
            assertEquals(5, attachments.size(), "one send's limit of documents travels attached");
            for (int i = 0; i < 5; i++) {
                assertEquals("doc-" + i + ".pdf", attachments.get(i).getFileName(), "in the messages' order");
                try (InputStream in = attachments.get(i).getInputStream()) {
                    assertArrayEquals(bytes.get(i), in.readAllBytes(), "with the uploaded bytes of doc-" + i);
                }
            }
            String text = plainText(mail);
            assertTrue(
                    text.contains("doc-5.pdf: http://127.0.0.1:9080/documents/" + ids.get(5)),
                    "the sixth as a link: " + text);
            HttpResponse<byte[]> fetched = Api.anonymous().getBytes(linkIn(text));
            assertEquals(200, fetched.statusCode(), "the link opens");
            assertArrayEquals(bytes.get(5), fetched.body(), "and serves the sixth document");
        } finally {
            TestClock.reset();
        }
    }

    static String send(String channel, String address, String documentId) {
        return """
                {"message":{"subject":"Your documents","content":"Your documents are ready."},
                 "recipients":[{"channel":"%s","address":"%s"}],"attachments":["%s"]}""".formatted(channel, address, documentId);
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static List<BodyPart> attachmentsOf(Multipart multipart) throws Exception {
        List<BodyPart> found = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                found.add(part);
            }
        }
        return found;
    }
}
