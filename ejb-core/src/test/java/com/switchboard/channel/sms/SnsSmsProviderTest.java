package com.switchboard.channel.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.template.RenderedMessage;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.OptedOutException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

class SnsSmsProviderTest {
    private final SnsSmsProvider provider = new SnsSmsProvider();

    @Test
    void throttlingAndServerErrorsAreTransient() {
        assertInstanceOf(
                TransientDeliveryException.class,
                classify(ThrottledException.builder(), 429, "Throttled", "Rate exceeded"));
        assertInstanceOf(
                TransientDeliveryException.class, classify(SnsException.builder(), 400, "Throttling", "Rate exceeded"));
        assertInstanceOf(
                TransientDeliveryException.class,
                classify(InternalErrorException.builder(), 500, "InternalError", "oops"));
        assertInstanceOf(
                TransientDeliveryException.class, classify(SnsException.builder(), 503, "ServiceUnavailable", "busy"));
    }

    @Test
    void anUnreachableEndpointIsTransientWithTheCause() {
        var failure = provider.classify(SdkClientException.builder()
                .message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused"))
                .build());
        assertInstanceOf(TransientDeliveryException.class, failure);
        assertTrue(failure.reason().contains("Connection refused"), failure.reason());
    }

    @Test
    void badNumbersAndAuthorisationErrorsArePermanentWithTheProvidersCodeAndMessage() {
        var invalid = classify(
                InvalidParameterException.builder(),
                400,
                "InvalidParameter",
                "Invalid parameter: PhoneNumber Reason: +1555 is not valid to publish to");
        assertInstanceOf(PermanentDeliveryException.class, invalid);
        assertEquals(
                "SNS refused the message: Invalid parameter: PhoneNumber Reason: +1555 is not valid to publish to"
                        + " (HTTP 400, InvalidParameter)",
                invalid.reason(),
                "a sentence, then what to quote to support");
        assertInstanceOf(
                PermanentDeliveryException.class,
                classify(InvalidParameterValueException.builder(), 400, "ParameterValueInvalid", "bad sender id"));
        var denied = classify(
                AuthorizationErrorException.builder(), 403, "AuthorizationError", "not authorized to SNS:Publish");
        assertInstanceOf(PermanentDeliveryException.class, denied);
        assertTrue(denied.reason().contains("AuthorizationError"), denied.reason());
    }

    @Test
    void anErrorWithoutCodeOrMessageStillReadsAsASentence() {
        var bare = provider.classify(SnsException.builder().statusCode(500).build());
        assertEquals("SNS could not take the message: no reason given (HTTP 500)", bare.reason());
    }

    @Test
    void snsOptedOutAnswersBecomeOurOptedOutReason() {
        assertEquals(
                SnsSmsProvider.OPTED_OUT,
                classify(OptedOutException.builder(), 400, "OptedOut", "opted out")
                        .reason(),
                "the OptedOut error");
        var message =
                classify(InvalidParameterException.builder(), 400, "InvalidParameter", "Phone number is opted out");
        assertInstanceOf(PermanentDeliveryException.class, message);
        assertEquals(SnsSmsProvider.OPTED_OUT, message.reason(), "an InvalidParameter saying the number opted out");
    }

    @Test
    void textOverTenPartsIsRefusedAtSendTime() {
        assertTrue(
                provider.refusal("+447911123456", new RenderedMessage(null, "a".repeat(1530), ""), null)
                        .isEmpty(),
                "ten full GSM-7 parts go");
        var refusal = provider.refusal("+447911123456", new RenderedMessage(null, "a".repeat(1531), ""), null);
        assertTrue(refusal.orElseThrow().contains("11 parts"), refusal.toString());
        assertTrue(
                provider.refusal("+447911123456", new RenderedMessage(null, "ж".repeat(671), ""), null)
                        .isPresent(),
                "671 Unicode characters are eleven parts");
    }

    private DeliveryException classify(AwsServiceException.Builder builder, int status, String code, String message) {
        return provider.classify(builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build());
    }
}
