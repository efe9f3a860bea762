package com.switchboard.error;

/** Something that existed is no longer available (an expired link, a document past its retention). */
public class GoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    public GoneException(String kind, String id, String reason) {
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
