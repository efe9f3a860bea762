package com.switchboard.rest.document;

import com.switchboard.document.DocumentService;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A document as an HTTP answer: streamed from S3 with its type, size and file name (RFC 6266, both spellings). */
public final class DocumentResponses {
    private DocumentResponses() {}

    public static Response attachment(DocumentService.Download download) {
        var d = download.document();
        String ascii = d.filename().replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(d.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        StreamingOutput body = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, d.contentType())
                .header("Content-Length", d.size())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
