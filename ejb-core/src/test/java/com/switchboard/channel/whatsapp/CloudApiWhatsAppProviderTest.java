package com.switchboard.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.TransientDeliveryException;
import jakarta.ws.rs.ProcessingException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class CloudApiWhatsAppProviderTest {
    private final CloudApiWhatsAppProvider provider = new CloudApiWhatsAppProvider();

    @Test
    void rateLimitsAreTransientWhateverTheirCode() {
        for (int code : new int[] {4, 80007, 130429, 131056}) {
            var failure = provider.classify(graph(400, code, "rate limit hit"));
            assertTransientNotToken(failure, "code " + code);
            assertTrue(
                    failure.reason().contains("rate limit") && failure.reason().contains(String.valueOf(code)),
                    failure.reason());
        }
        assertTransientNotToken(provider.classify(graph(429, 0, "Too Many Requests")), "HTTP 429 without a Graph code");
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        assertTransientNotToken(provider.classify(graph(500, 131000, "Something went wrong")), "500");
        assertTransientNotToken(provider.classify(graph(503, 0, "HTTP 503")), "a gateway's 503");
        var timeout = provider.classify(new ProcessingException(new SocketTimeoutException("Read timed out")));
        assertTransientNotToken(timeout, "read timeout");
        assertTrue(timeout.reason().contains("Read timed out"), timeout.reason());
    }

    @Test
    void undeliverableAndInvalidNumbersArePermanentWithGraphsReason() {
        for (int code : new int[] {131026, 131030, 100}) {
            var failure = provider.classify(graph(400, code, "Message undeliverable"));
            assertInstanceOf(PermanentDeliveryException.class, failure, "code " + code);
            assertTrue(
                    failure.reason().contains(String.valueOf(code))
                            && failure.reason().contains("Message undeliverable"),
                    failure.reason());
        }
    }

    @Test
    void reengagementRequiredWithoutATemplateIsPermanentAndSaysWhy() {
        var failure = provider.classify(graph(400, 131047, "Re-engagement message"));
        assertInstanceOf(PermanentDeliveryException.class, failure, "131047 is final when no template can be sent");
        assertTrue(failure.reason().contains("24-hour") && failure.reason().contains("131047"), failure.reason());
    }

    @Test
    void aRejectedAccessTokenIsTransientButMarkedForTheCircuit() {
        var failure = provider.classify(graph(401, 190, "Error validating access token: Session has expired"));
        assertInstanceOf(AccessTokenRejectedException.class, failure, "190 opens the token circuit");
        assertInstanceOf(TransientDeliveryException.class, failure, "and is retried later by redelivery");
        assertTrue(failure.reason().contains("190"), failure.reason());
    }

    @Test
    void theGraphErrorBodyIsReadWithCodeSubcodeMessageAndTrace() {
        GraphApiException e = GraphApiErrorMapper.fromBody(400, """
                {"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026,
                 "error_subcode":2494010,"error_data":{"details":"Receiver is incapable of receiving this message"},
                 "fbtrace_id":"AbCdEf"}}""");
        assertTrue(e.code() == 131026 && e.subcode() == 2494010 && e.httpStatus() == 400, e.describe());
        assertTrue(
                e.describe().startsWith("WhatsApp refused the message: ")
                        && e.describe().contains("Receiver is incapable")
                        && e.describe().contains("(HTTP 400, error 131026/2494010, fbtrace_id AbCdEf)"),
                e.describe());
        GraphApiException html = GraphApiErrorMapper.fromBody(502, "<html>Bad Gateway</html>");
        assertTrue(
                html.code() == 0 && html.httpStatus() == 502, "a non-Graph body keeps its status: " + html.describe());
    }

    private static GraphApiException graph(int status, int code, String message) {
        return new GraphApiException(status, code, 0, "OAuthException", message, "trace");
    }

    private static void assertTransientNotToken(DeliveryException failure, String what) {
        assertInstanceOf(TransientDeliveryException.class, failure, what + " is transient");
        assertFalse(failure instanceof AccessTokenRejectedException, what + " does not open the token circuit");
    }
}
