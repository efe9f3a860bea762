package com.switchboard.admin.conversation;

import com.switchboard.conversation.ConversationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The unread badge of the Conversations entry in the console's nav: how many threads have customer
 * messages no CSR has read (one Query of keys, counting at most {@value #MAX}), read once per page.
 */
@Named("unreadConversations")
@RequestScoped
public class UnreadConversations {
    static final int MAX = 100;

    @Inject
    ConversationService conversations;

    @Inject
    ConversationsView page;

    private Integer count;

    public int getCount() {
        if (count == null) {
            String view = FacesContext.getCurrentInstance().getViewRoot().getViewId();
            if (view.endsWith("/conversations.xhtml")) {
                page.getOpen(); // the header renders first: the thread being opened is read before it is counted
            }
            count = conversations.unreadThreads(MAX);
        }
        return count;
    }

    /** The badge's text: the count, or "99+" beyond. */
    public String getLabel() {
        return getCount() >= MAX ? (MAX - 1) + "+" : Integer.toString(getCount());
    }
}
