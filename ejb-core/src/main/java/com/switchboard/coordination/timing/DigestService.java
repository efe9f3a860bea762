package com.switchboard.coordination.timing;

import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoCommunicationStore.StoredRecipient;
import com.switchboard.communication.DynamoDispatchStateStore;
import com.switchboard.communication.NewCommunication;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.communication.SendRequest;
import com.switchboard.communication.Urgency;
import com.switchboard.communication.send.Acceptance;
import com.switchboard.document.DocumentRef;
import com.switchboard.document.DocumentService;
import com.switchboard.template.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends one claimed digest: collects the messages of its held recipients, renders one message and
 * hands it to the normal pipeline as a communication of its own (one recipient, rule
 * {@value #RULE}, created by {@value #CREATED_BY}), whose outcome {@link DigestOutcomes} copies to
 * the held recipients. The digest communication's id is derived from the digest's key, so a digest
 * taken over after a crash is not sent twice. The messages' documents travel with the digest as
 * its attachments while they fit one send's limits; the rest as signed links under their message.
 */
@ApplicationScoped
public class DigestService {
    public static final String RULE = "digest";
    public static final String CREATED_BY = "digest";

    @Inject
    DynamoHeldDeliveryStore held;

    @Inject
    DynamoCommunicationStore communications;

    @Inject
    DynamoDispatchStateStore dispatchStates;

    @Inject
    Acceptance acceptance;

    @Inject
    DocumentService documents;

    @Inject
    Clock clock;

    /** Sends the digest unless it was sent before; returns the digest communication's id, empty when nothing was left to send. */
    public Optional<String> send(DynamoHeldDeliveryStore.DigestHead head) {
        List<String> items = held.digestItems(head.pk());
        List<DigestRenderer.Entry> entries = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        List<DocumentRef> carried = new ArrayList<>();
        for (String item : items) {
            int hash = item.lastIndexOf('#');
            String id = item.substring(0, hash);
            int index = Integer.parseInt(item.substring(hash + 1));
            Optional<StoredRecipient> r = communications.recipient(id, index);
            Optional<DynamoCommunicationStore.Details> details = communications.details(id);
            if (r.isPresent() && r.get().status() == RecipientStatus.Pending && details.isPresent()) {
                RenderedMessage m = details.get().rendered();
                List<String> links = new ArrayList<>();
                for (DocumentRef ref : details.get().attachments()) {
                    if (carried.stream().noneMatch(c -> c.id().equals(ref.id()))) {
                        if (documents.fits(carried, ref)) {
                            carried.add(ref);
                        } else {
                            links.add(ref.filename() + ": " + documents.link(ref));
                        }
                    }
                }
                entries.add(new DigestRenderer.Entry(m.subject(), m.text(), links));
                originals.add(item);
            }
        }
        if (entries.isEmpty()) {
            held.deleteDigest(head.pk(), items);
            return Optional.empty();
        }
        String digestId = UUID.nameUUIDFromBytes(head.pk().getBytes(StandardCharsets.UTF_8))
                .toString();
        if (dispatchStates.dispatchState(digestId).isEmpty()) {
            held.putDigestLink(digestId, originals);
            acceptance.accept(communication(
                    digestId, head, DigestRenderer.render(head.frequency(), head.channel(), entries), carried));
        }
        held.deleteDigest(head.pk(), items);
        return Optional.of(digestId);
    }

    private NewCommunication communication(
            String id,
            DynamoHeldDeliveryStore.DigestHead head,
            RenderedMessage rendered,
            List<DocumentRef> attachments) {
        String channel = head.channel().name();
        SendRequest request = new SendRequest(
                null,
                null,
                List.of(channel),
                null,
                new SendRequest.Message(rendered.subject(), rendered.text(), null, null, null),
                List.of(new SendRequest.Recipient(channel, head.address(), head.stakeholderId(), null)),
                null,
                null,
                Urgency.normal.name(),
                null,
                null,
                null,
                null,
                null);
        return new NewCommunication(
                id,
                request,
                Urgency.normal,
                List.of(channel),
                null,
                null,
                rendered,
                null,
                List.of(new NewCommunication.Planned(0, head.channel(), head.address(), head.stakeholderId(), RULE)),
                clock.instant().toString(),
                CREATED_BY,
                null,
                attachments);
    }
}
