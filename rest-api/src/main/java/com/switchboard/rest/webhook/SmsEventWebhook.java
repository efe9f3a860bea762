package com.switchboard.rest.webhook;

import com.switchboard.channel.Channel;
import com.switchboard.conversation.ConversationService;
import com.switchboard.conversation.InboundMessage;
import com.switchboard.preference.ConsentService;
import com.switchboard.preference.InboundSms;
import com.switchboard.tracking.ReceiptService;
import com.switchboard.tracking.SmsEventParser;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /webhooks/sms}: SMS delivery events (AWS End User Messaging SMS events or the SNS
 * SMS delivery-status log) and customers' replies (two-way SMS: STOP opts the number out, START
 * lifts it; every reply lands in the sender's conversation) delivered through an SNS topic. Authenticated by the SNS signature and the topic
 * allow-list, never by role.
 */
@Path("/webhooks/sms")
@Tag(name = "Webhooks")
@SecurityRequirementsSet({}) // no login: a signature or signed token is the authority
public class SmsEventWebhook {

    private static final Logger LOG = Logger.getLogger(SmsEventWebhook.class.getName());

    @Inject
    SnsWebhookReceiver receiver;

    @Inject
    ReceiptService receipts;

    @Inject
    ConsentService consent;

    @Inject
    ConversationService conversations;

    @Inject
    Clock clock;

    @POST
    @Operation(
            operationId = "receiveSmsEvents",
            summary = "SMS delivery events and customers' SMS replies through SNS (authenticated by the SNS signature)")
    public Response receive(String body) {
        return receiver.receive(
                body,
                (messageId, message) -> SmsEventParser.parse(message)
                        .ifPresentOrElse(
                                receipts::record,
                                () -> InboundSms.parse(message)
                                        .ifPresentOrElse(
                                                sms -> {
                                                    consent.reply(Channel.SMS, sms.from(), sms.text());
                                                    conversations.receive(new InboundMessage(
                                                            Channel.SMS,
                                                            sms.from(),
                                                            clock.instant(),
                                                            sms.id() != null ? sms.id() : messageId,
                                                            sms.text(),
                                                            null));
                                                },
                                                () -> LOG.info(() -> "SNS message " + messageId
                                                        + " is neither an SMS event nor a reply; ignored"))));
    }
}
