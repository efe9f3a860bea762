package com.switchboard.rest.problem;

import com.switchboard.tracking.sns.SnsVerificationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Logger;

/** An SNS message that failed verification: 403, and the reason in the log for the operator. */
@Provider
public class SnsVerificationMapper implements ExceptionMapper<SnsVerificationException> {
    private static final Logger LOG = Logger.getLogger(SnsVerificationMapper.class.getName());

    @Override
    public Response toResponse(SnsVerificationException e) {
        LOG.warning(() -> "SNS message refused: " + e.getMessage());
        return ProblemDetail.response(
                403,
                "sns-verification-failed",
                "SNS message not verified",
                "the message is not a verified SNS message from an allowed topic",
                List.of());
    }
}
