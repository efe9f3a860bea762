package com.switchboard.rest.problem;

import com.switchboard.error.FieldError;
import com.switchboard.rest.guard.RequestTooLargeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body over {@code request.max.bytes}: 413, naming the body and the limit. */
@Provider
public class RequestTooLargeMapper implements ExceptionMapper<RequestTooLargeException> {
    @Override
    public Response toResponse(RequestTooLargeException e) {
        return ProblemDetail.response(
                413,
                "request-too-large",
                "The request body is too large",
                e.getMessage(),
                List.of(new FieldError("body", "at most " + e.limit() + " bytes")));
    }
}
