package com.switchboard.error;

/** The request does not fit the current state of what it names (for example, cancelling a communication already sent). */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    public ConflictException(String kind, String id, String reason) {
        super(kind + " " + id + " " + reason);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
