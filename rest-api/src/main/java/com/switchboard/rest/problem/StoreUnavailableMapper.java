package com.switchboard.rest.problem;

import com.switchboard.error.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DynamoDB unreachable or throttling (the store says so with {@link StoreUnavailableException}): 503
 * with Retry-After; the request was not accepted, so retrying is safe. Any other DynamoDB error (a
 * ValidationException, a missing table) would fail again on retry, so it stays the SDK's and is
 * answered by {@link UnexpectedFailureMapper}: a 500 with an incident id.
 */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {
    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class.getName());

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.log(Level.WARNING, "storage unavailable: " + e.getMessage());
        Response problem = ProblemDetail.response(
                503,
                "storage-unavailable",
                "Storage is unavailable",
                "the request was not accepted; try again shortly",
                List.of());
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
