package com.switchboard.communication;

import com.switchboard.channel.Channel;
import com.switchboard.document.DocumentRef;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;

/**
 * A validated, resolved communication about to be stored: every recipient has a channel and an
 * address; {@code attachments} are the documents it carries (references only, checked at accept).
 */
public record NewCommunication(
        String id,
        SendRequest request,
        Urgency urgency,
        List<String> channels,
        Integer templateVersion,
        String locale,
        RenderedMessage rendered,
        ProviderTemplate providerTemplate,
        List<Planned> recipients,
        String createdAt,
        String createdBy,
        String idempotencyKey,
        List<DocumentRef> attachments) {

    public NewCommunication {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A communication without attachments. */
    public NewCommunication(
            String id,
            SendRequest request,
            Urgency urgency,
            List<String> channels,
            Integer templateVersion,
            String locale,
            RenderedMessage rendered,
            ProviderTemplate providerTemplate,
            List<Planned> recipients,
            String createdAt,
            String createdBy,
            String idempotencyKey) {
        this(
                id,
                request,
                urgency,
                channels,
                templateVersion,
                locale,
                rendered,
                providerTemplate,
                recipients,
                createdAt,
                createdBy,
                idempotencyKey,
                List.of());
    }

    /**
     * A recipient as planned: where, which rule chose the channel, and the channels to fall back
     * to, in order, when this one fails or is not delivered in time (empty for none); {@code timing}
     * is the stakeholder's digest or quiet-hours wish for this channel (see
     * {@code coordination.timing.DeliveryTiming}), null to send at once.
     */
    public record Planned(
            int index,
            Channel channel,
            String address,
            String stakeholderId,
            String rule,
            List<FallbackStep> fallbacks,
            String timing) {

        /** The constructor JSON-B reads fan-out chunks with; without the mark it refuses a record with several. */
        @JsonbCreator
        public Planned {}

        public Planned(int index, Channel channel, String address, String stakeholderId, String rule) {
            this(index, channel, address, stakeholderId, rule, List.of(), null);
        }

        public Planned(
                int index,
                Channel channel,
                String address,
                String stakeholderId,
                String rule,
                List<FallbackStep> fallbacks) {
            this(index, channel, address, stakeholderId, rule, fallbacks, null);
        }
    }
}
