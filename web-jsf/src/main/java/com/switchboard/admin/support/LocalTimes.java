package com.switchboard.admin.support;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Date and time inputs as the reader means them: a picker's local date-time ({@code 2026-12-05T18:30})
 * in the time zone their browser reported (the {@code tz} cookie that {@code local-time.js} sets; UTC
 * without it) becomes the instant the API takes. A full instant is taken as it is; anything else is
 * passed on for the API to refuse at its field.
 */
public final class LocalTimes {
    private LocalTimes() {}

    /** The reader's zone, from the {@code tz} cookie; UTC when absent or unknown. */
    public static ZoneId zone() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Object cookie = ctx == null
                ? null
                : ctx.getExternalContext().getRequestCookieMap().get("tz");
        return cookie instanceof Cookie c
                ? zone(URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8))
                : ZoneOffset.UTC;
    }

    static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** {@code value} as an ISO instant; null for blank. */
    public static String instant(String value) {
        return instant(value, zone());
    }

    static String instant(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Instant.parse(v).toString();
        } catch (DateTimeException notAnInstant) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant().toString();
            } catch (DateTimeException notLocal) {
                return v;
            }
        }
    }
}
