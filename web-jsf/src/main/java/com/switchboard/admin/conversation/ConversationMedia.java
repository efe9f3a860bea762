package com.switchboard.admin.conversation;

import com.switchboard.channel.whatsapp.GraphMediaDownloads;
import com.switchboard.conversation.ConversationService;
import com.switchboard.conversation.ThreadMessage;
import com.switchboard.error.NotFoundException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /admin/conversation-media?thread=<id>&message=<id>}: the file or picture a customer's
 * WhatsApp message carried, downloaded from the Graph API when a CSR asks for it (as
 * {@code GET /communications/conversations/{thread}/messages/{message}/media} does for API clients).
 * Staff only (web.xml).
 */
@WebServlet(urlPatterns = "/conversation-media")
public class ConversationMedia extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    ConversationService conversations;

    @Inject
    GraphMediaDownloads downloads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String thread = request.getParameter("thread");
        String message = request.getParameter("message");
        if (thread == null || message == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "thread and message are required");
            return;
        }
        try {
            ThreadMessage.Media media = conversations.media(thread, message);
            GraphMediaDownloads.Media file = downloads.download(media.mediaId());
            String name = media.filename() == null ? media.type() : media.filename();
            response.setContentType(file.mimeType());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(
                    "Content-Disposition", "attachment; filename=\"" + name.replaceAll("[\\r\\n\"\\\\]", "_") + "\"");
            response.setContentLength(file.bytes().length);
            response.getOutputStream().write(file.bytes());
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such media in this conversation");
        }
    }
}
