package com.switchboard.admin.tracking;

import com.switchboard.communication.ReadScope;
import com.switchboard.conversation.ConversationService;
import com.switchboard.conversation.ThreadMessage;
import com.switchboard.error.NotFoundException;
import com.switchboard.tracking.DeliveryTrackingService;
import com.switchboard.tracking.TrackingViews.Timeline;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backing bean of one communication's page: every recipient's status and receipt timeline, read
 * anew on each (polling) request so the page follows the statuses as they move.
 */
@Named("communicationPage")
@RequestScoped
public class CommunicationPage {

    @Inject
    DeliveryTrackingService tracking;

    @Inject
    ConversationService conversations;

    private List<ThreadMessage> replies;

    private String id;
    private Timeline timeline;
    private boolean missing;

    public Timeline getTimeline() {
        if (timeline == null && !missing && getId() != null && !getId().isBlank()) {
            try {
                timeline = tracking.timeline(id.trim(), ReadScope.ALL);
            } catch (NotFoundException e) {
                missing = true;
            }
        }
        return timeline;
    }

    /** The customers' messages that answer this communication (SMS and WhatsApp), oldest first. */
    public List<ThreadMessage> getReplies() {
        if (replies == null) {
            replies = getTimeline() == null ? List.of() : conversations.replies(id.trim());
        }
        return replies;
    }

    /** The conversation the last reply is in. */
    public String getReplyThread() {
        return getReplies().isEmpty()
                ? null
                : getReplies().get(getReplies().size() - 1).threadId();
    }

    public boolean isMissing() {
        getTimeline();
        return missing || getId() == null || getId().isBlank();
    }

    /**
     * Whether the page should keep refreshing: until every recipient has a final status or is held
     * back (a digest or the end of quiet hours may be hours away).
     */
    public boolean isInFlight() {
        Timeline t = getTimeline();
        return t != null
                && t.recipients().stream()
                        .anyMatch(
                                r -> "Pending".equals(r.status()) && r.heldFor() == null || "Sent".equals(r.status()));
    }

    /** Whether a recipient waits for a digest or the end of quiet hours. */
    public boolean isHeld() {
        Timeline t = getTimeline();
        return t != null && t.recipients().stream().anyMatch(r -> r.heldFor() != null && "Pending".equals(r.status()));
    }

    /** Nothing to do: the ajax request re-renders the timeline, which reads it again. */
    public void refresh() {}

    /** The id from the form's hidden field on a refresh, from {@code ?id=} when the page is opened. */
    public String getId() {
        if (id == null) {
            id = jakarta.faces.context.FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .getRequestParameterMap()
                    .get("id");
        }
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
