package com.switchboard.communication;

import java.util.Objects;

/**
 * Whose communications a caller may read and track: staff read every one; an integration client
 * only those its own principal created ({@code createdBy}), unless an administrator granted its
 * key read-all. Another client's communication is answered as not found, so ids reveal nothing.
 */
public record ReadScope(String owner) {
    public static final ReadScope ALL = new ReadScope(null);

    public static ReadScope ownedBy(String caller) {
        return new ReadScope(Objects.requireNonNull(caller, "caller"));
    }

    public boolean allows(String createdBy) {
        return owner == null || owner.equals(createdBy);
    }
}
