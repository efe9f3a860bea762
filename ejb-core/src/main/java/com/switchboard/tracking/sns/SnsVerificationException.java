package com.switchboard.tracking.sns;

/** An SNS message failed verification; the webhook answers 403 and changes nothing. */
public class SnsVerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String value;

    public SnsVerificationException(String reason, String value) {
        super(reason + (value == null ? "" : ": " + value));
        this.value = value;
    }

    public SnsVerificationException(String reason, String value, Throwable cause) {
        super(reason + (value == null ? "" : ": " + value), cause);
        this.value = value;
    }

    /** The value at fault: the certificate URL, topic ARN or message id. */
    public String value() {
        return value;
    }
}
