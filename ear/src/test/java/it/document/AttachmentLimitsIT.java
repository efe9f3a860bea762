package it.document;

import static it.document.Documents.pdf;
import static it.document.Documents.png;
import static it.document.Documents.upload;
import static it.document.Documents.uploaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What is refused, at upload or at accept, as problem+json naming the field: content that is no
 * PDF, PNG or JPEG, a declared type the bytes contradict, a body over {@code attachment.max.bytes},
 * and sends naming an unknown document, too many, too many bytes together, or WhatsApp documents
 * outside the customer's window. Nothing refused is stored or sent.
 */
@ExtendWith(Switchboard.class)
class AttachmentLimitsIT {
    private static final Api CSR = Api.as("csr");
    /** The server's attachment.max.bytes (server.xml default). */
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    @Test
    void anUploadThatIsNoPdfPngOrJpegIsRefusedNamingTheBody() {
        Api.Reply r = upload(
                CSR,
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "application/pdf",
                "x.pdf");
        assertProblem(r, 422, "body");
    }

    @Test
    void aDeclaredTypeTheBytesContradictIsRefusedNamingTheContentType() {
        assertProblem(upload(CSR, png(), "application/pdf", "photo.pdf"), 422, "Content-Type");
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWith413NamingTheBody() {
        byte[] big = Arrays.copyOf(pdf(), MAX_BYTES + 1);
        assertProblem(upload(CSR, big, "application/pdf", "big.pdf"), 413, "body");
    }

    @Test
    void anUploadAtTheSizeLimitIsStoredAndAnsweredWithItsDigestAndRetention() {
        byte[] exact = Arrays.copyOf(pdf(), MAX_BYTES);
        Api.Reply r = upload(CSR, exact, "application/pdf", "exact.pdf");
        assertEquals(201, r.status(), "a document of exactly the limit is stored: " + r.body());
        JsonObject d = r.json();
        assertEquals(MAX_BYTES, d.getInt("size"), "its size");
        assertEquals("application/pdf", d.getString("contentType"), "its type, from its bytes");
        assertEquals(64, d.getString("sha256").length(), "its SHA-256 in hex");
        assertTrue(d.containsKey("expiresAt"), "and when its retention ends: " + d);
    }

    @Test
    void aUserMayNotUploadAndAnonymousCallersMustSignIn() {
        assertEquals(
                403, upload(Api.as("user"), pdf(), "application/pdf", "a.pdf").status(), "role user: forbidden");
        assertEquals(
                401, upload(Api.anonymous(), pdf(), "application/pdf", "a.pdf").status(), "no login");
    }

    @Test
    void aSendNamingAnUnknownDocumentIsRefusedNamingTheAttachment() {
        String known = uploaded(pdf(), "application/pdf", "known.pdf");
        Api.Reply r = CSR.post(
                "/communications/send", email(List.of(known, UUID.randomUUID().toString())));
        assertProblem(r, 422, "attachments[1]");
    }

    @Test
    void anIntegrationClientAttachesItsOwnDocumentsButNotAnotherCallersWhichIsAnsweredAsUnknown() {
        Api integration = Api.as("integration");
        String staffs = uploaded(pdf(), "application/pdf", "staff-only.pdf");
        Api.Reply own = upload(integration, pdf(), "application/pdf", "own.pdf");
        assertEquals(201, own.status(), own.body());
        String ownId = own.json().getString("id");

        Api.Reply refused = assertProblem(
                integration.post("/communications/send", email(List.of(ownId, staffs))), 422, "attachments[1]");
        assertTrue(refused.body().contains("no document " + staffs), "as if it did not exist: " + refused.body());
        assertEquals(
                202,
                integration.post("/communications/send", email(List.of(ownId))).status(),
                "its own document goes");
        assertEquals(
                202,
                CSR.post("/communications/send", email(List.of(ownId, staffs))).status(),
                "staff may attach anyone's");
    }

    @Test
    void aSendWithMoreThanFiveAttachmentsIsRefused() {
        List<String> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> uploaded(pdf(), "application/pdf", "p" + i + ".pdf"))
                .toList();
        assertProblem(CSR.post("/communications/send", email(six)), 422, "attachments");
    }

    @Test
    void aSendWhoseAttachmentsTogetherPassTheTotalIsRefusedAtTheOneThatPassesIt() {
        // attachment.max.total.bytes is 10 MiB: two of 4 MiB fit, the third does not
        List<String> ids = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> uploaded(Arrays.copyOf(pdf(), 4 * 1024 * 1024), "application/pdf", "big" + i + ".pdf"))
                .toList();
        assertProblem(CSR.post("/communications/send", email(ids)), 422, "attachments[2]");
    }

    @Test
    void aWhatsAppDocumentOutsideTheCustomersWindowIsRefusedNamingTheRecipient() {
        String id = uploaded(pdf(), "application/pdf", "invoice.pdf");
        String body = """
                {"message":{"content":"Your invoice"},"recipients":[{"channel":"WhatsApp","address":"%s"}],
                 "attachments":["%s"]}""".formatted(Documents.uniqueSpanishNumber(), id);
        Api.Reply r = assertProblem(CSR.post("/communications/send", body), 422, "recipients[0]");
        assertTrue(r.body().contains("24-hour"), "the reason names the window: " + r.body());
    }

    private static String email(List<String> ids) {
        return """
                {"message":{"subject":"Docs","content":"Attached."},
                 "recipients":[{"channel":"Email","address":"limits@example.com"}],"attachments":[%s]}""".formatted(ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",")));
    }

    static Api.Reply assertProblem(Api.Reply r, int status, String field) {
        assertEquals(status, r.status(), "refused with " + status + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), "as problem+json: " + r.contentType());
        assertTrue(
                r.json().getJsonArray("errors").stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(e -> field.equals(e.getString("field"))),
                "naming " + field + ": " + r.body());
        return r;
    }
}
