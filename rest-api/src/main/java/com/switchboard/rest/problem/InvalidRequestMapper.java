package com.switchboard.rest.problem;

import com.switchboard.error.InvalidRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Invalid or unprocessable requests, with every field at fault: the domain's kind of fault is
 * answered here, and only here, as HTTP: a malformed value 400, a well-formed but unprocessable one 422.
 */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
        return switch (e.kind()) {
            case INVALID_VALUE ->
                ProblemDetail.response(400, "invalid-request", "The request is invalid", e.getMessage(), e.errors());
            case UNPROCESSABLE ->
                ProblemDetail.response(
                        422, "unprocessable", "The request cannot be processed", e.getMessage(), e.errors());
        };
    }
}
