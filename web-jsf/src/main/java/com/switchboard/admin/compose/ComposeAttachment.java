package com.switchboard.admin.compose;

import com.switchboard.document.DocumentService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The file a CSR attaches on Compose ({@code h:inputFile}), uploaded through the same
 * {@link DocumentService} as {@code POST /communications/attachments} when the send is made, so
 * the same checks apply (type from the bytes, size) and errors name the field {@code attachment}.
 */
@Named("composeAttachment")
@RequestScoped
public class ComposeAttachment {
    /** The field the document service's errors name, shown on the file input. */
    static final String FIELD = "attachment";

    @Inject
    DocumentService documents;

    private Part file;

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    /** The id of the chosen file once stored, or none when no file was chosen. */
    List<String> upload(String user) throws IOException {
        if (file == null || file.getSize() == 0) {
            return List.of();
        }
        try (InputStream in = file.getInputStream()) {
            byte[] bytes =
                    in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, documents.maxBytes() + 1)); // over: refused
            return List.of(documents
                    .upload(bytes, file.getContentType(), file.getSubmittedFileName(), user, FIELD)
                    .id());
        }
    }
}
