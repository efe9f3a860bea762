package com.switchboard.rest.problem;

import com.switchboard.error.ConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A change that the current state of what it names no longer allows: 409. */
@Provider
public class ConflictMapper implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
        return ProblemDetail.response(
                409, "conflict", "The request conflicts with the current state", e.getMessage(), List.of());
    }
}
