package com.switchboard.rest.problem;

import com.switchboard.error.InvalidRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Invalid or unprocessable requests: 400 or 422 with every field at fault. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
        String title = e.status() == 422 ? "The request cannot be processed" : "The request is invalid";
        return ProblemDetail.response(e.status(), e.status() == 422 ? "unprocessable" : "invalid-request", title,
                e.getMessage(), e.errors());
    }
}
