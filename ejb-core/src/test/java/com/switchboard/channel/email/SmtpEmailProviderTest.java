package com.switchboard.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.TransientDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class SmtpEmailProviderTest {
    private final SmtpEmailProvider provider = new SmtpEmailProvider();

    @Test
    void takesTheSesMessageIdFromThe250Reply() {
        assertEquals(
                "0100018c1a2b3c4d-5e6f-000000",
                SmtpEmailProvider.sesMessageId("250 Ok 0100018c1a2b3c4d-5e6f-000000\r\n")
                        .orElseThrow(),
                "SES reply");
        assertTrue(SmtpEmailProvider.sesMessageId("250 OK").isEmpty(), "a plain 250 has no id");
    }

    @Test
    void fiveHundredRepliesArePermanentAndFourHundredRepliesTransient() {
        var rejected = new SendFailedException(
                "Invalid Addresses", new MessagingException("550 5.1.1 Mailbox does not exist"));
        var busy = new SendFailedException("Invalid Addresses", new MessagingException("451 4.3.0 Try again later"));
        var permanent = assertInstanceOf(PermanentDeliveryException.class, provider.classify(rejected));
        assertTrue(permanent.reason().contains("550 5.1.1"), permanent.reason());
        assertInstanceOf(TransientDeliveryException.class, provider.classify(busy));
    }

    @Test
    void anUnreachableServerIsTransient() {
        var down = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
        var failure = provider.classify(down);
        assertInstanceOf(TransientDeliveryException.class, failure);
        assertTrue(failure.reason().contains("Connection refused"), failure.reason());
    }
}
