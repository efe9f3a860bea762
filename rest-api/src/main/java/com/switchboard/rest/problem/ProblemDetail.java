package com.switchboard.rest.problem;

import com.switchboard.error.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each field at fault. */
public record ProblemDetail(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String type, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new ProblemDetail("/problems/" + type, title, status, detail, errors.isEmpty() ? null : errors))
                .build();
    }
}
