package com.switchboard.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of document a send may carry, recognised by their first bytes (their magic numbers),
 * never by the name or the type a caller declares: a declared type must agree with what the bytes
 * are. {@link #image} says whether WhatsApp sends it as an {@code image} message rather than a
 * {@code document}.
 */
public enum DocumentType {
    PDF("application/pdf", false, new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", true, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", true, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    private final String mediaType;
    private final boolean image;
    private final byte[] magic;

    DocumentType(String mediaType, boolean image, byte[] magic) {
        this.mediaType = mediaType;
        this.image = image;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean image() {
        return image;
    }

    /** What the bytes are, by their start; empty when none of the accepted kinds. */
    public static Optional<DocumentType> sniff(byte[] bytes) {
        return Arrays.stream(values()).filter(t -> t.starts(bytes)).findFirst();
    }

    /** The type of a media type name (parameters and case ignored; {@code image/jpg} is JPEG too). */
    public static Optional<DocumentType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if ("image/jpg".equals(bare) || "image/pjpeg".equals(bare)) {
            return Optional.of(JPEG);
        }
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }

    /** Accepted media types, for messages. */
    public static String accepted() {
        return String.join(
                ", ", Arrays.stream(values()).map(DocumentType::mediaType).toList());
    }

    private boolean starts(byte[] bytes) {
        if (bytes == null || bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
