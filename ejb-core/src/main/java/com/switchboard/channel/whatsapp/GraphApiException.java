package com.switchboard.channel.whatsapp;

/**
 * An error answer of the Graph API ({@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}})
 * with the HTTP status it came with. Carries only what Graph said: never the request or its token.
 */
public class GraphApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final int code;
    private final int subcode;
    private final String type;
    private final String fbtraceId;

    public GraphApiException(int httpStatus, int code, int subcode, String type, String message, String fbtraceId) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.fbtraceId = fbtraceId;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The Graph error code (0 when the answer had none, e.g. a proxy's HTML error page). */
    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public String type() {
        return type;
    }

    public String fbtraceId() {
        return fbtraceId;
    }

    /**
     * A recipient's failure reason as a CSR reads it: a sentence, then the HTTP status, Graph code and
     * trace id to quote to support; "no reason given" rather than {@code null}.
     */
    public String describe() {
        String why = getMessage() == null || getMessage().isBlank() || "null".equals(getMessage())
                ? "no reason given"
                : getMessage();
        String what = httpStatus >= 500 || httpStatus == 429
                ? "WhatsApp could not take the message"
                : "WhatsApp refused the message";
        return what + ": " + why + " (HTTP " + httpStatus
                + (code == 0 ? "" : ", error " + code + (subcode == 0 ? "" : "/" + subcode))
                + (fbtraceId == null ? "" : ", fbtrace_id " + fbtraceId) + ")";
    }
}
