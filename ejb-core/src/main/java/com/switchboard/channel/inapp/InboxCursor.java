package com.switchboard.channel.inapp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code next} cursor of inbox pages: the sort key of the last note of a page, base64url.
 * The partition is never in it (it is always the caller's own inbox), so a cursor cannot be turned
 * into a way to read someone else's notes.
 */
final class InboxCursor {
    private InboxCursor() {}

    static String encode(String noteSortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(noteSortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key the cursor carries, or empty when it is not one of ours. */
    static Optional<String> decode(String cursor) {
        try {
            String sk = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return sk.startsWith(DynamoInboxStore.NOTE_PREFIX) && sk.length() < 512
                    ? Optional.of(sk)
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
