package com.switchboard.admin.compose;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.document.Document;
import com.switchboard.document.DocumentService;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.TooLargeException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents a CSR attaches on Compose, uploaded through the same {@link DocumentService} as
 * {@code POST /communications/attachments} (type from the bytes, size limit), one file per
 * "Attach", in a form of its own: a multipart form makes the console's Ajax send every field as
 * multipart, which the template preview of the compose form does not need. The send names the ids
 * gathered here.
 */
@Named("composeAttachment")
@ViewScoped
public class ComposeAttachment implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The file input's client id, where the document service's errors are shown. */
    static final String INPUT = "attach:file";

    @Inject
    DocumentService documents;

    private transient Part file;
    private final List<String> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** One attached document as the page lists it. */
    public record Attached(String id, String name) {}

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public List<Attached> getAttached() {
        List<Attached> attached = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            attached.add(new Attached(ids.get(i), names.get(i)));
        }
        return attached;
    }

    /** The ids the send names, in the order attached. */
    List<String> ids() {
        return List.copyOf(ids);
    }

    /** Stores the chosen file and lists it; a refusal is shown on the file input. */
    public void attach() throws IOException {
        if (file == null || file.getSize() == 0) {
            FacesContext.getCurrentInstance()
                    .addMessage(INPUT, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a file first.", null));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, documents.maxBytes() + 1));
            Document d = documents.upload(
                    bytes, file.getContentType(), file.getSubmittedFileName(), FieldMessages.user(), "attachment");
            ids.add(d.id());
            names.add(d.filename());
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, field -> INPUT);
        } catch (TooLargeException e) {
            String text = "The file is larger than " + e.limit() + " bytes.";
            FacesContext.getCurrentInstance()
                    .addMessage(INPUT, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }

    /** Takes document {@code id} off the send (it stays stored until its retention ends). */
    public void remove(String id) {
        int i = ids.indexOf(id);
        if (i >= 0) {
            ids.remove(i);
            names.remove(i);
        }
    }
}
