package com.switchboard.channel;

/**
 * How many SMS parts a text costs. Text made only of GSM 03.38 characters is sent as GSM-7 (160
 * per single message, 153 per part of a long one, extension-table characters such as {@code €}
 * or {@code [} counting two); anything else makes the whole text UCS-2 (70 single, 67 per part,
 * characters outside the BMP counting two). Parts are filled the way handsets split: a
 * two-unit character never straddles two parts.
 *
 * <p>Written here because no maintained Java library for just this count was at hand; the
 * character tables are those of 3GPP TS 23.038.
 */
public final class SmsSegments {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** The encoding SMS uses for a text. */
    public enum Encoding {
        GSM7(160, 153),
        UCS2(70, 67);

        private final int single;
        private final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }

        /** Characters one message carries when the text fits in one. */
        public int single() {
            return single;
        }

        /** Characters each part carries when the text is split (the rest is the concatenation header). */
        public int perPart() {
            return perPart;
        }
    }

    private SmsSegments() {}

    public static Encoding encoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return Encoding.UCS2;
            }
        }
        return Encoding.GSM7;
    }

    /** The number of parts the text is sent in; an empty text is still one message. */
    public static int count(String text) {
        Encoding encoding = encoding(text);
        int[] units = units(text, encoding);
        int total = 0;
        for (int u : units) {
            total += u;
        }
        if (total <= encoding.single()) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int u : units) {
            if (used + u > encoding.perPart()) {
                parts++;
                used = 0;
            }
            used += u;
        }
        return parts;
    }

    /** Units each character takes: septets for GSM-7, UTF-16 code units for UCS-2. */
    private static int[] units(String text, Encoding encoding) {
        if (encoding == Encoding.GSM7) {
            return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).toArray();
        }
        return text.codePoints().map(Character::charCount).toArray();
    }
}
