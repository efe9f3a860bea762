package com.switchboard.rest.webhook;

import com.switchboard.tracking.SmsEventParser;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /webhooks/sms}: SMS delivery events (AWS End User Messaging SMS events or the SNS
 * SMS delivery-status log) delivered through an SNS topic. Authenticated by the SNS signature and
 * the topic allow-list, never by role.
 */
@Path("/webhooks/sms")
@Tag(name = "Webhooks")
public class SmsEventWebhook {

    @Inject
    SnsWebhookReceiver receiver;

    @POST
    @Operation(summary = "SMS delivery events through SNS (authenticated by the SNS signature)")
    public Response receive(String body) {
        return receiver.receive(body, SmsEventParser::parse);
    }
}
