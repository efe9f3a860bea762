package it.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** The sandbox's mailbox (GreenMail behind the SES-like SMTP front), as the tests read it. */
public final class Mailbox {
    private Mailbox() {}

    /** Every message received so far whose To names exactly {@code to}. */
    public static List<MimeMessage> mailsTo(String to) {
        return Arrays.stream(Switchboard.sandbox().mail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(to));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
