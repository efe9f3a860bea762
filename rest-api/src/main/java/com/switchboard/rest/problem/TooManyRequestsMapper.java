package com.switchboard.rest.problem;

import com.switchboard.error.FieldError;
import com.switchboard.error.TooManyRequestsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A caller over its budget: 429 with {@code Retry-After}, naming the limit. */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequestsException> {
    @Override
    public Response toResponse(TooManyRequestsException e) {
        Response r = ProblemDetail.response(
                429,
                "too-many-requests",
                "Too many requests",
                e.getMessage(),
                List.of(new FieldError(e.limit(), e.getMessage())));
        return Response.fromResponse(r)
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .build();
    }
}
