package com.switchboard.admin.support;

import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts a domain validation failure onto the page: each {@link FieldError} becomes a Faces message
 * on the component its field maps to (shown next to that input by its {@code h:message}); a field
 * with no component becomes a page-level message, so nothing the service said is lost.
 */
public final class FieldMessages {
    private FieldMessages() {}

    /**
     * @param components the request field name → the client id of its input, e.g.
     *                   {@code "message.templateId" → "compose:template"}
     */
    public static void show(InvalidRequestException e, Map<String, String> components) {
        show(e, components::get);
    }

    /** As {@link #show(InvalidRequestException, Map)}, with a function mapping a field to a client id (null: page-level). */
    public static void show(InvalidRequestException e, Function<String, String> components) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (FieldError error : e.errors()) {
            String clientId = components.apply(error.field());
            String text = clientId == null ? error.field() + ": " + error.message() : error.message();
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        faces.validationFailed();
    }

    /** A page-level message. */
    public static void page(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }

    /** The signed-in user's name. */
    public static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
