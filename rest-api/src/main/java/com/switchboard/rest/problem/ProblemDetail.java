package com.switchboard.rest.problem;

import com.switchboard.error.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document; {@code errors} names each field at fault. */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem document (application/problem+json)",
        requiredProperties = {"type", "title", "status"},
        example = "{\"type\":\"/problems/invalid-request\",\"title\":\"The request is invalid\",\"status\":400,"
                + "\"detail\":\"recipients[0].address: not an email address\","
                + "\"errors\":[{\"field\":\"recipients[0].address\",\"message\":\"not an email address\"}]}")
public record ProblemDetail(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String type, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new ProblemDetail("/problems/" + type, title, status, detail, errors.isEmpty() ? null : errors))
                .build();
    }
}
