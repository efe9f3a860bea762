package com.switchboard.channel.email;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.ProviderPolicy;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.document.DocumentRef;
import com.switchboard.document.DocumentService;
import com.switchboard.preference.UnsubscribeTokens;
import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Email over SMTP with the server's Jakarta Mail session: the Amazon SES SMTP interface in
 * production, the sandbox peer locally. Sends HTML and plain-text alternatives with the SES
 * configuration-set and message-tag headers, and the communication's documents as attachments
 * (multipart/mixed around the alternatives; their bytes read from S3 per delivery), and takes
 * the SES message id from the {@code 250 Ok <id>} reply so SES events can be matched to the
 * recipient later.
 */
@ApplicationScoped
public class SmtpEmailProvider implements ChannelProvider {
    private static final Pattern SES_ID =
            Pattern.compile("^250[ -](?:\\d\\.\\d\\.\\d )?Ok (\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)[ -]");

    @Inject
    UnsubscribeTokens unsubscribe;

    @Inject
    SmtpConnectionPool pool;

    @Inject
    DocumentService documents;

    @Inject
    @ConfigProperty(name = "smtp.host", defaultValue = "")
    String host;

    @Inject
    @ConfigProperty(name = "email.configuration.set", defaultValue = "")
    String configurationSet;

    @Override
    public Channel channel() {
        return Channel.Email;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public boolean configured() {
        return !host.isBlank();
    }

    @Override
    @Retry(
            maxRetries = ProviderPolicy.REMOTE_RETRIES,
            delay = ProviderPolicy.REMOTE_RETRY_DELAY_MS,
            jitter = ProviderPolicy.REMOTE_RETRY_JITTER_MS,
            retryOn = TransientDeliveryException.class,
            abortOn = PermanentDeliveryException.class)
    @Timeout(ProviderPolicy.REMOTE_TIMEOUT_MS)
    @CircuitBreaker(
            requestVolumeThreshold = ProviderPolicy.CIRCUIT_VOLUME,
            failureRatio = ProviderPolicy.CIRCUIT_FAILURE_RATIO,
            delay = ProviderPolicy.CIRCUIT_DELAY_MS,
            successThreshold = ProviderPolicy.CIRCUIT_SUCCESSES,
            failOn = TransientDeliveryException.class,
            skipOn = PermanentDeliveryException.class)
    @Bulkhead(ProviderPolicy.REMOTE_CONCURRENCY)
    public String send(Delivery delivery) {
        Transport transport = null;
        try {
            MimeMessage message = compose(delivery);
            transport = pool.borrow();
            transport.sendMessage(message, message.getAllRecipients());
            String reply = lastServerResponse(transport);
            pool.giveBack(transport);
            return sesMessageId(reply).orElse(message.getMessageID());
        } catch (MessagingException | RuntimeException e) {
            if (transport != null) {
                pool.discard(transport);
            }
            throw classify(e);
        }
    }

    private MimeMessage compose(Delivery d) throws MessagingException {
        MimeMessage message = new MimeMessage(pool.session());
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(d.address(), true));
        message.setSubject(d.message().subject() == null ? "" : d.message().subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(d.message().text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(d.message().html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        if (d.attachments().isEmpty()) {
            message.setContent(alternatives);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            MimeMultipart mixed = new MimeMultipart("mixed", body);
            for (DocumentRef ref : d.attachments()) {
                mixed.addBodyPart(attachment(ref));
            }
            message.setContent(mixed);
        }
        if (!configurationSet.isBlank()) {
            message.setHeader("X-SES-CONFIGURATION-SET", configurationSet);
        }
        // SES tag values allow letters, digits, '_' and '-': our ids are UUIDs and integers
        message.setHeader(
                "X-SES-MESSAGE-TAGS", "communicationId=" + d.communicationId() + ", recipient=" + d.recipientIndex());
        message.setHeader("X-Switchboard-Delivery", d.deliveryId());
        if (d.marketing()) {
            // RFC 8058 one-click: the mail client POSTs List-Unsubscribe=One-Click to the signed link
            unsubscribe.link(Channel.Email, d.address()).ifPresent(link -> {
                try {
                    message.setHeader("List-Unsubscribe", "<" + link + ">");
                    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        message.saveChanges();
        return message;
    }

    /** One attachment part: the bytes read from S3 for this delivery (one GetObject each). */
    private MimeBodyPart attachment(DocumentRef ref) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(documents.content(ref), ref.contentType())));
        part.setFileName(ref.filename());
        part.setDisposition(Part.ATTACHMENT);
        // always base64: a document of ASCII lines would otherwise go 7bit, and SMTP turns its LF into CRLF
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    @Override
    public boolean receiptsNameTheRecipient() {
        return true; // SES events carry the message tags communicationId and recipient
    }

    @Override
    public DeliveryException classify(Exception failure) {
        if (failure instanceof DeliveryException known) {
            return known;
        }
        Optional<String> reply = replyOf(failure);
        if (reply.isPresent() && reply.get().trim().startsWith("5")) {
            return new PermanentDeliveryException("SMTP " + reply.get().trim(), failure);
        }
        if (reply.isPresent()) {
            return new TransientDeliveryException("SMTP " + reply.get().trim(), failure);
        }
        if (failure instanceof SendFailedException) {
            return new PermanentDeliveryException("SMTP rejected the address: " + failure.getMessage(), failure);
        }
        return new TransientDeliveryException("SMTP server unreachable or failed: " + rootMessage(failure), failure);
    }

    /** The SMTP reply ("550 5.1.1 ...") carried anywhere in the exception chain, if any. */
    private static Optional<String> replyOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = REPLY_CODE.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(t.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static Optional<String> sesMessageId(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Matcher m = SES_ID.matcher(reply.trim());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The server's reply to the end of DATA. Jakarta Mail has no API for it; the SMTP transport of
     * the runtime's implementation (Angus Mail) exposes it as a public method, reached reflectively
     * so the application does not compile against implementation classes.
     */
    private static String lastServerResponse(Transport transport) {
        try {
            return (String)
                    transport.getClass().getMethod("getLastServerResponse").invoke(transport);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
