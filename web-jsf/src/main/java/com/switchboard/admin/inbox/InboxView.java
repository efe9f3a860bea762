package com.switchboard.admin.inbox;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.channel.inapp.InboxNote;
import com.switchboard.channel.inapp.InboxService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backing bean of the Inbox page: the signed-in person's own in-app notes (never anyone else's:
 * the user is always the caller) and the unread count the page's badge polls.
 */
@Named("inboxView")
@RequestScoped
public class InboxView {
    static final int PAGE = 50;

    @Inject
    InboxService inbox;

    private List<InboxNote> notes;
    private String next;

    /** A page of the notes, newest first: the first, or the one the {@code older} link's cursor names. */
    public List<InboxNote> getNotes() {
        if (notes == null) {
            String cursor = getCursor();
            try {
                var page = inbox.page(FieldMessages.user(), PAGE, cursor);
                notes = page.notes();
                next = page.next();
            } catch (com.switchboard.error.InvalidRequestException stale) {
                var page =
                        inbox.page(FieldMessages.user(), PAGE, null); // a cursor from an old link: the newest instead
                notes = page.notes();
                next = page.next();
            }
        }
        return notes;
    }

    /** The cursor of the next (older) page, or null when this is the last. */
    public String getNext() {
        getNotes();
        return next;
    }

    /** The cursor this page was opened with (null: the newest page). */
    public String getCursor() {
        String cursor = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("older");
        return cursor == null || cursor.isBlank() ? null : cursor;
    }

    public long getUnread() {
        return inbox.unreadCount(FieldMessages.user());
    }

    public String markRead(String noteId) {
        try {
            inbox.read(FieldMessages.user(), noteId);
        } catch (com.switchboard.error.NotFoundException alreadyRead) {
            // read in another tab meanwhile: the list below shows it as read
        }
        notes = null;
        return null;
    }

    /** Nothing to do: the polling request re-renders the badge, which reads the count again. */
    public void refresh() {}
}
