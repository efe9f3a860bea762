package com.switchboard.rest.webhook;

import com.switchboard.tracking.SesEventParser;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /webhooks/ses}: Amazon SES events (Delivery, Bounce, Complaint, Reject, …) as SNS
 * delivers them from the configuration set's event destination. No role: the SNS signature and
 * the topic allow-list authenticate it. The body is read raw, as signed.
 */
@Path("/webhooks/ses")
@Tag(name = "Webhooks")
@SecurityRequirementsSet({}) // no login: a signature or signed token is the authority
public class SesEventWebhook {

    @Inject
    SnsWebhookReceiver receiver;

    @POST
    @Operation(
            operationId = "receiveSesEvents",
            summary = "Amazon SES events through SNS (authenticated by the SNS signature)")
    public Response receive(String body) {
        return receiver.receive(body, SesEventParser::parse);
    }
}
