package com.switchboard.admin.conversation;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.conversation.ConversationService;
import com.switchboard.conversation.ConversationService.ReplyAccepted;
import com.switchboard.conversation.ConversationService.ThreadView;
import com.switchboard.conversation.ConversationThread;
import com.switchboard.conversation.ThreadMessage;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of the Conversations page: the threads, unread first, and the one the {@code thread}
 * parameter opens, with its messages and a reply box. Opening a thread marks it read; a live event
 * ({@link ConversationEvents}) makes the page re-read both parts. A reply is a normal communication;
 * on WhatsApp the box says until when free text may go, and once the window closed that only a
 * template can reach the customer.
 */
@Named("conversationsView")
@RequestScoped
public class ConversationsView {
    static final int PAGE = 50;

    @Inject
    ConversationService conversations;

    @Inject
    Clock clock;

    private List<ConversationThread> threads;
    private String next;
    private ThreadView open;
    private boolean opened;
    private String replyText;

    public List<ConversationThread> getThreads() {
        if (threads == null) {
            getOpen(); // opening a thread reads it: the list then shows it read
            String cursor = param("more");
            try {
                var page = conversations.threads(false, cursor, PAGE);
                threads = page.items();
                next = page.next();
            } catch (InvalidRequestException stale) {
                var page = conversations.threads(false, null, PAGE);
                threads = page.items();
                next = page.next();
            }
        }
        return threads;
    }

    public String getNext() {
        getThreads();
        return next;
    }

    /** The id of the open thread, from the page's address or its form. */
    public String getThreadId() {
        return param("thread");
    }

    /** The open thread with its latest messages, read by opening it; null when none is open (or none such). */
    public ThreadView getOpen() {
        if (!opened) {
            opened = true;
            String id = getThreadId();
            if (id != null) {
                try {
                    open = conversations.thread(id, null, PAGE);
                    if (open.thread().unread() > 0) {
                        conversations.markRead(id);
                    }
                } catch (NotFoundException | InvalidRequestException none) {
                    open = null;
                }
            }
        }
        return open;
    }

    public List<ThreadMessage> getMessages() {
        return getOpen() == null ? List.of() : getOpen().messages();
    }

    /** Whether free text may go now: always on SMS, on WhatsApp until the window closes. */
    public boolean isWindowOpen() {
        ConversationThread t = getOpen() == null ? null : getOpen().thread();
        if (t == null) {
            return false;
        }
        return t.windowClosesAt() == null || Instant.parse(t.windowClosesAt()).isAfter(Instant.now(clock));
    }

    public boolean isWhatsApp() {
        return getOpen() != null && "WhatsApp".equals(getOpen().thread().channel());
    }

    public String getReplyText() {
        return replyText;
    }

    public void setReplyText(String replyText) {
        this.replyText = replyText;
    }

    public String reply() {
        String id = getThreadId();
        try {
            ReplyAccepted accepted = conversations.reply(id, replyText, null, FieldMessages.user());
            replyText = null;
            FieldMessages.page(
                    FacesMessage.SEVERITY_INFO, "Reply sent as communication " + accepted.communicationId() + ".");
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, Map.of("text", "conversation:replyText"));
        } catch (NotFoundException e) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, "That conversation does not exist.");
        }
        opened = false; // read again: the reply is in the thread
        threads = null;
        return null;
    }

    /** Nothing to do: the partial request re-renders the list and the thread, which read again. */
    public void refresh() {}

    private static String param(String name) {
        String value = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
