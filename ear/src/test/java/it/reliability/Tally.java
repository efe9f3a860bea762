package it.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts what the reliability suite sent and what came back wrong: every answer is checked for a
 * 5xx, for an error that is not problem+json, and for a leak (a stack trace, an exception or class
 * name, a runtime message id, another user's data). Each test class prints its counts and the
 * running totals when it ends and fails if any 5xx or leak was seen.
 */
public final class Tally implements BeforeAllCallback, AfterAllCallback {
    /** What an error body must never carry: runtime internals a client has no business seeing. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat (com|java|jdk|org|sun)\\.|Caused by|\\b(SRVE|CWWK|CWSI|RESTEASY)\\d|software\\.amazon|jakarta\\.");

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static final AtomicInteger NOT_PROBLEM_JSON = new AtomicInteger();
    private static final AtomicInteger LEAKS = new AtomicInteger();
    private static final AtomicInteger EXPECTED_UNAVAILABLE = new AtomicInteger();
    private static final List<String> FINDINGS = new CopyOnWriteArrayList<>();

    /** Checks one answer to {@code what} and counts it; returns it for the test's own assertions. */
    public static Api.Reply check(String what, Api.Reply r) {
        REQUESTS.incrementAndGet();
        if (r.status() >= 500) {
            SERVER_ERRORS.incrementAndGet();
            FINDINGS.add("5xx: " + what + " → " + r.status() + " " + abbreviate(r.body()));
        }
        if (r.status() >= 400
                && !r.contentType().startsWith("application/problem+json")
                && !(r.status() == 401 && r.body().isEmpty())) {
            NOT_PROBLEM_JSON.incrementAndGet();
            FINDINGS.add("not problem+json: " + what + " → " + r.status() + " " + r.contentType());
        }
        if (r.status() >= 400 && INTERNALS.matcher(r.body()).find()) {
            leak(what + " → " + r.status() + " " + abbreviate(r.body()));
        }
        return r;
    }

    /**
     * Checks an answer given while a peer is deliberately down: a 503 problem+json with Retry-After
     * is the expected answer and counted as such; anything else is checked like any answer.
     */
    public static Api.Reply checkUnavailable(String what, Api.Reply r) {
        if (r.status() == 503
                && r.contentType().startsWith("application/problem+json")
                && r.header("Retry-After") != null) {
            REQUESTS.incrementAndGet();
            EXPECTED_UNAVAILABLE.incrementAndGet();
            return r;
        }
        return check(what, r);
    }

    /** Counts a leak found by a test's own means (one user seeing another's data). */
    public static void leak(String what) {
        LEAKS.incrementAndGet();
        FINDINGS.add("leak: " + what);
    }

    /** Counts a request a test made without an HTTP answer to check (a refused WebSocket handshake). */
    public static void counted() {
        REQUESTS.incrementAndGet();
    }

    public static int serverErrors() {
        return SERVER_ERRORS.get();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(ExtensionContext.Namespace.create(Tally.class)).put("findings", FINDINGS.size());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        int from = context.getStore(ExtensionContext.Namespace.create(Tally.class))
                .getOrDefault("findings", Integer.class, 0);
        List<String> mine = List.copyOf(FINDINGS.subList(from, FINDINGS.size()));
        System.out.printf(
                "[reliability] after %s, suite totals: requests=%d 5xx=%d notProblemJson=%d leaks=%d"
                        + " expected503DuringOutage=%d%n",
                name,
                REQUESTS.get(),
                SERVER_ERRORS.get(),
                NOT_PROBLEM_JSON.get(),
                LEAKS.get(),
                EXPECTED_UNAVAILABLE.get());
        mine.forEach(f -> System.out.println("[reliability]   " + name + ": " + f));
        assertTrue(mine.isEmpty(), name + ": no 5xx, no leak and only problem+json errors, found: " + mine);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
