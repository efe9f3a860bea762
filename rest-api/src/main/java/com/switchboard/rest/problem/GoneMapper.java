package com.switchboard.rest.problem;

import com.switchboard.error.GoneException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Something that existed and is no longer available (an expired document link, a document past its retention): 410. */
@Provider
public class GoneMapper implements ExceptionMapper<GoneException> {
    @Override
    public Response toResponse(GoneException e) {
        return ProblemDetail.response(410, "gone", "No longer available", e.getMessage(), List.of());
    }
}
