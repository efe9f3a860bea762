package sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SesSmtpFrontTest {

    private static final String SES_ID =
            "0100[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000";

    private GreenMail greenMail;
    private SesSmtpFront front;
    private Session session;

    @BeforeEach
    void startServers() throws IOException {
        greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        greenMail.start();
        front = SesSmtpFront.start(freePort(), greenMail.getSmtp().getPort());
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(front.port()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        session = Session.getInstance(props);
    }

    @AfterEach
    void stopServers() {
        if (front != null) front.close();
        if (greenMail != null) greenMail.stop();
    }

    @Test
    void relaysSeveralMailsOverOneConnectionAndAnswersWithSesMessageIds() throws Exception {
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect();
            Message first = mail("alice@example.com", "first");
            transport.sendMessage(first, first.getAllRecipients());
            String firstReply = transport.getLastServerResponse();
            Message second = mail("bob@example.com", "second");
            transport.sendMessage(second, second.getAllRecipients());
            String secondReply = transport.getLastServerResponse();

            assertTrue(
                    firstReply.startsWith("250 Ok 0100"),
                    "first DATA reply should be SES-style but was: " + firstReply);
            assertTrue(
                    secondReply.startsWith("250 Ok 0100"),
                    "second DATA reply should be SES-style but was: " + secondReply);
        }
        assertEquals(2, greenMail.getReceivedMessages().length, "backend should have stored both mails");
        String body = GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]);
        assertTrue(
                body.contains("\r\n.\r\nline after a lone dot"),
                "a lone-dot body line should survive the relay: " + body);
        List<SesSmtpFront.Issued> issued = front.issued();
        assertEquals(2, issued.size(), "one id should be issued per accepted mail");
        assertTrue(
                issued.get(0).id().matches(SES_ID),
                "id should look like an SES message id: " + issued.get(0).id());
        assertTrue(!issued.get(0).id().equals(issued.get(1).id()), "ids should be unique");
        assertEquals(List.of("alice@example.com"), issued.get(0).recipients(), "first id should record its recipient");
        assertEquals(List.of("bob@example.com"), issued.get(1).recipients(), "second id should record its recipient");
    }

    @Test
    void permanentRecipientFaultIsRejectedWith550AndNeverReachesBackend() throws Exception {
        front.failRecipient("<Gone@Example.com>", 550, "5.1.1 Mailbox does not exist", Integer.MAX_VALUE);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < 2; i++) {
                Message msg = mail("gone@example.com", "bounce " + i);
                MessagingException e = assertThrows(
                        MessagingException.class,
                        () -> transport.sendMessage(msg, msg.getAllRecipients()),
                        "send to a failed recipient should throw");
                assertTrue(chain(e).contains("550"), "exception chain should carry the 550 reply: " + chain(e));
            }
        }
        assertEquals(
                0, greenMail.getReceivedMessages().length, "backend should not receive mail for a rejected recipient");
        assertEquals(2, front.attempts("gone@example.com"), "every RCPT attempt should be counted");
        assertTrue(front.issued().isEmpty(), "no id should be issued for a rejected mail");
    }

    @Test
    void transientRecipientFaultFailsOnceWith451ThenDelivers() throws Exception {
        front.failRecipient("later@example.com", 451, "4.3.0 Try again later", 1);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            Message msg = mail("later@example.com", "retry me");
            MessagingException e = assertThrows(
                    MessagingException.class,
                    () -> transport.sendMessage(msg, msg.getAllRecipients()),
                    "first send should hit the injected fault");
            assertTrue(chain(e).contains("451"), "exception chain should carry the 451 reply: " + chain(e));
            assertEquals(
                    0, greenMail.getReceivedMessages().length, "nothing should be stored after the temporary failure");

            transport.sendMessage(msg, msg.getAllRecipients());
        }
        assertEquals(1, greenMail.getReceivedMessages().length, "retry should be delivered to the backend");
        assertEquals(
                2, front.attempts("LATER@example.com"), "both RCPT attempts should be counted, case-insensitively");
        assertEquals(1, front.issued().size(), "exactly the retried mail should get an id");
    }

    private Message mail(String to, String subject) throws MessagingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(new InternetAddress("sender@example.org"));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        msg.setSubject(subject);
        msg.setText("Hello from " + subject + "\n.\nline after a lone dot\n");
        return msg;
    }

    /** Messages of the whole exception chain, since JavaMail nests the server reply. */
    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t;
                c != null;
                c = c instanceof MessagingException m && m.getNextException() != null
                        ? m.getNextException()
                        : c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
            if (sb.length() > 10_000) break; // guard against cyclic chains
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
