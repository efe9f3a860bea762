package com.switchboard.channel;

import java.util.regex.Pattern;

/**
 * Text fit for a log line: phone numbers keep their last three digits, email addresses their
 * domain, URLs their scheme and host (a webhook URL's path is its secret token).
 */
public final class LogSafe {
    private static final Pattern URL = Pattern.compile("(https?://[^/\\s\"'<>]+)/[^\\s\"'<>]*");
    /** A digit run inside a word (a UUID's hex group, an id) is no number: ids must stay readable. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\d[\\d ]{5,}(\\d{3})(?![\\w-])");

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'@,;:]+@([A-Za-z0-9.-]+)");

    private LogSafe() {}

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutPaths = URL.matcher(text).replaceAll("$1/***");
        return EMAIL.matcher(PHONE.matcher(withoutPaths).replaceAll("***$1")).replaceAll("***@$1");
    }
}
