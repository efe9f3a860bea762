package com.switchboard.rest.problem;

import com.switchboard.error.FieldError;
import com.switchboard.error.TooLargeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** What the domain found over its size limit (a document over {@code attachment.max.bytes}): 413, naming the field. */
@Provider
public class TooLargeMapper implements ExceptionMapper<TooLargeException> {
    @Override
    public Response toResponse(TooLargeException e) {
        return ProblemDetail.response(
                413,
                "request-too-large",
                "The request body is too large",
                e.getMessage(),
                List.of(new FieldError(e.field(), "at most " + e.limit() + " bytes")));
    }
}
