package com.switchboard.rest.problem;

import com.switchboard.error.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Something named in the path or query does not exist. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
        return ProblemDetail.response(404, "not-found", "Not found", e.getMessage(), List.of());
    }
}
