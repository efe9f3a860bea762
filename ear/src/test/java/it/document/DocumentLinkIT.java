package it.document;

import static it.document.Documents.linkIn;
import static it.document.Documents.pdf;
import static it.document.Documents.smsTextTo;
import static it.document.Documents.uploaded;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.TestClock;
import it.support.Tracking;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A document link is the only authority to download without a login: it works until its time
 * ({@code documents.link.hours}, 72) and then answers 410; a link we did not sign is 404; a
 * document past its retention ({@code documents.retention.days}, 30) can no longer be attached.
 * The server's clock is moved forward for the expiries and put back afterwards.
 */
@ExtendWith(Switchboard.class)
class DocumentLinkIT {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aLinkPastItsTimeAnswers410AsAProblem() {
        String link = smsLinkFor(uploaded(pdf(), "application/pdf", "expiring.pdf"));
        assertEquals(200, Api.anonymous().getBytes(link).statusCode(), "the link works when sent");

        TestClock.set(Instant.now().plus(Duration.ofHours(73)));

        HttpResponse<byte[]> late = Api.anonymous().getBytes(link);
        assertEquals(410, late.statusCode(), "73 hours later the link is gone");
        assertTrue(
                late.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "as a problem: " + new String(late.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aLinkWithAnAlteredSignatureTimeOrDocumentIsNotFound() {
        String documentId = uploaded(pdf(), "application/pdf", "signed.pdf");
        String link = smsLinkFor(documentId);
        String otherId = uploaded(pdf(), "application/pdf", "other.pdf");
        long exp = Long.parseLong(link.replaceAll(".*exp=(\\d+).*", "$1"));

        String sig = link.replaceAll(".*sig=", "");
        String forged = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        assertEquals(
                404,
                Api.anonymous()
                        .getBytes(link.replace("sig=" + sig, "sig=" + forged))
                        .statusCode(),
                "signature");
        assertEquals(
                404,
                Api.anonymous()
                        .getBytes(link.replace("exp=" + exp, "exp=" + (exp + 86400)))
                        .statusCode(),
                "time");
        assertEquals(
                404, Api.anonymous().getBytes(link.replace(documentId, otherId)).statusCode(), "document");
        assertEquals(
                404,
                Api.anonymous().getBytes("/documents/" + documentId).statusCode(),
                "the bare document path opens nothing");
    }

    @Test
    void aDocumentPastItsRetentionCannotBeAttached() {
        String documentId = uploaded(pdf(), "application/pdf", "old.pdf");

        TestClock.set(Instant.now().plus(Duration.ofDays(31)));

        Api.Reply r = Api.as("csr")
                .post("/communications/send", AttachmentDeliveryIT.send("Email", "old@example.com", documentId));
        AttachmentLimitsIT.assertProblem(r, 422, "attachments[0]");
        assertTrue(r.body().contains("retention"), "the reason names the retention: " + r.body());
    }

    /** Sends the document by SMS and answers the link the SNS peer received in the text. */
    private static String smsLinkFor(String documentId) {
        String number = Documents.uniqueUkNumber();
        Tracking.awaitRecipientAccepted(Tracking.send(AttachmentDeliveryIT.send("SMS", number, documentId)), 0);
        return linkIn(await().atMost(Duration.ofSeconds(10))
                .alias("the SMS reaches the SNS peer")
                .until(() -> smsTextTo(number), t -> t.isPresent())
                .orElseThrow());
    }
}
