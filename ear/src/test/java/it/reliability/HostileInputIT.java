package it.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bodies and values an attacker or a broken client sends, on every JSON endpoint: broken JSON,
 * wrong types, no body, bodies over the size limit (with and without Content-Length), CR/LF meant
 * to add mail headers, template syntax inside variables, and Unicode edge cases. Never a 5xx;
 * every refusal is problem+json naming the field at fault; what is accepted is delivered verbatim.
 * The simpler send cases (CR/LF in the subject or address, one malformed body) are in BadInputIT.
 */
@ExtendWith({Switchboard.class, Tally.class})
class HostileInputIT {
    private static final int OVER_LIMIT = 3 * 1024 * 1024;
    private static final String TEMPLATE = "hostile-greeting";

    /** Every operation that reads a JSON body, with a caller allowed to use it and a body of the wrong shape. */
    private record JsonEndpoint(Caller caller, String method, String path, String wrongTypes) {
        Api.Reply call(String body) {
            String what = caller + " " + method + " " + path + " with " + abbreviate(body);
            try {
                return Tally.check(what, caller.call(method, path, body));
            } catch (UncheckedIOException noAnswer) {
                // reported with the call that got none, instead of ending the test at the first
                return new Api.Reply(0, "", "no answer: " + noAnswer.getCause(), null);
            }
        }
    }

    private static final List<JsonEndpoint> JSON_ENDPOINTS = List.of(
            new JsonEndpoint(
                    Caller.CSR,
                    "POST",
                    "/communications/send",
                    "{\"message\":\"hello\",\"recipients\":\"a@example.com\"}"),
            new JsonEndpoint(
                    Caller.CSR,
                    "PUT",
                    "/communications/" + EndpointTable.UNKNOWN_ID + "/schedule",
                    "{\"scheduledAt\":{\"at\":1}}"),
            new JsonEndpoint(Caller.ADMIN, "POST", "/communications/test", "{\"channel\":[\"Email\"],\"address\":{}}"),
            new JsonEndpoint(
                    Caller.ADMIN,
                    "PUT",
                    "/communications/templates/hostile-shape",
                    "{\"body\":{\"text\":\"x\"},\"whatsappParameters\":\"name\"}"),
            new JsonEndpoint(
                    Caller.ADMIN,
                    "PUT",
                    "/communications/preferences?stakeholderId=hostile-1",
                    "{\"channels\":[\"Email\"]}"));

    @BeforeAll
    static void template() {
        Api.Reply saved = Api.as("admin").put("/communications/templates/" + TEMPLATE, """
                {"locale":"en","subject":"Hello {{name}}","body":"Dear {{name}}, your code is {{code}}."}""");
        assertEquals(200, saved.status(), "admin saves the template: " + saved.body());
    }

    @Test
    void brokenJsonWrongTypesAndMissingBodiesAreProblemsNamingTheField() {
        List<String> wrong = new ArrayList<>();
        for (JsonEndpoint e : JSON_ENDPOINTS) {
            // {"zzz":{"a": made JSON-B spin forever on a server thread (an unknown property's object cut off)
            for (String broken : List.of(
                    "{\"message\": {\"subject\": ",
                    "{\"zzz\":{\"a\":",
                    "{]",
                    "\u0000",
                    "[1,2,3]",
                    "\"just a string\"",
                    "42")) {
                expectClientError(wrong, e, broken, e.call(broken));
            }
            expectClientError(wrong, e, "wrong types", e.call(e.wrongTypes()));
            expectClientError(wrong, e, "no body", e.call(""));
            expectClientError(wrong, e, "null", e.call("null"));
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void jsonNestedTooDeepIsABadRequestNamingTheBodyOnEveryEndpoint() {
        String deepArrays = "[".repeat(50_000) + "]".repeat(50_000);
        String deepUnknownProperty = "{\"recipients\":[{\"channel\":\"Email\",\"address\":\"deep@example.com\"}],"
                + "\"message\":{\"subject\":\"s\",\"content\":\"c\"},\"x\":" + "{\"a\":".repeat(5_000) + "1"
                + "}".repeat(5_000) + "}";
        String justTooDeep = "{\"x\":" + "[".repeat(32) + "]".repeat(32) + "}";
        List<String> wrong = new ArrayList<>();
        for (JsonEndpoint e : JSON_ENDPOINTS) {
            for (String deep : List.of(deepArrays, deepUnknownProperty, justTooDeep)) {
                Api.Reply r = e.call(deep);
                if (r.status() != 400
                        || !namesField(r, "body")
                        || !r.json().toString().contains("nested deeper")) {
                    wrong.add(e.method() + " " + e.path() + " with " + abbreviate(deep) + ": " + r.status() + " "
                            + abbreviate(r.body()));
                }
            }
        }
        Api.Reply webhook = Tally.check(
                "deep WhatsApp webhook",
                raw(
                        Caller.ANONYMOUS,
                        "POST",
                        "/webhooks/whatsapp",
                        deepArrays.getBytes(StandardCharsets.UTF_8),
                        false));
        if (webhook.status() != 400) {
            wrong.add("POST /webhooks/whatsapp deep: " + webhook.status() + " " + abbreviate(webhook.body()));
        }
        assertTrue(wrong.isEmpty(), "over-deep JSON is 400 problem+json naming the body:\n" + String.join("\n", wrong));
    }

    @Test
    void contentCraftedToMakeTheHtmlCheckBacktrackIsAcceptedAtOnce() {
        // as much as the rendered-size limit lets through; the old pattern spent seconds of a core on it
        String crafted = "<p".repeat(42_000);
        long started = System.nanoTime();
        Api.Reply r = Tally.check(
                "crafted content",
                Caller.CSR.call(
                        "POST",
                        "/communications/send",
                        Json.createObjectBuilder()
                                .add(
                                        "recipients",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("channel", "Email")
                                                        .add(
                                                                "address",
                                                                "crafted-"
                                                                        + UUID.randomUUID()
                                                                                .toString()
                                                                                .substring(0, 8) + "@example.com")))
                                .add(
                                        "message",
                                        Json.createObjectBuilder()
                                                .add("subject", "Crafted")
                                                .add("content", crafted))
                                .build()
                                .toString()));
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertEquals(202, r.status(), "accepted: " + abbreviate(r.body()));
        assertTrue(tookMs < 1_500, "answered at once, not after a backtracking scan: " + tookMs + " ms");
    }

    @Test
    void bodiesOverTheLimitAre413WithOrWithoutContentLength() {
        byte[] huge = ("{\"message\":{\"subject\":\"x\",\"content\":\"" + "a".repeat(OVER_LIMIT) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        List<String> wrong = new ArrayList<>();
        for (JsonEndpoint e : JSON_ENDPOINTS) {
            for (boolean chunked : new boolean[] {false, true}) {
                Api.Reply r = raw(e.caller(), e.method(), e.path(), huge, chunked);
                String what = e.method() + " " + e.path() + (chunked ? " chunked" : " with Content-Length");
                Tally.check(what, r);
                if (r.status() != 413
                        || !r.contentType().startsWith("application/problem+json")
                        || !namesField(r, "body")) {
                    wrong.add(what + ": " + r.status() + " " + r.contentType() + " " + abbreviate(r.body()));
                }
            }
        }
        for (String webhook : List.of("/webhooks/ses", "/webhooks/sms", "/webhooks/whatsapp")) {
            Api.Reply r = Tally.check("POST " + webhook, raw(Caller.ANONYMOUS, "POST", webhook, huge, false));
            if (r.status() != 413) {
                wrong.add("POST " + webhook + ": " + r.status());
            }
        }
        byte[] overWebhookLimit = ("{\"Message\":\"" + "w".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] underWebhookLimit =
                ("{\"Message\":\"" + "w".repeat(200 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String webhook : List.of("/webhooks/ses", "/webhooks/sms", "/webhooks/whatsapp")) {
            Api.Reply over = Tally.check(
                    "POST 300 KiB " + webhook, raw(Caller.ANONYMOUS, "POST", webhook, overWebhookLimit, false));
            if (over.status() != 413 || !namesField(over, "body")) {
                wrong.add("POST 300 KiB " + webhook + ": " + over.status() + " (webhooks take at most 256 KiB)");
            }
            Api.Reply under = Tally.check(
                    "POST 200 KiB " + webhook, raw(Caller.ANONYMOUS, "POST", webhook, underWebhookLimit, false));
            if (under.status() != 403) {
                wrong.add("POST 200 KiB unsigned " + webhook + ": " + under.status()
                        + " (read, then refused for its signature)");
            }
        }
        assertTrue(
                wrong.isEmpty(),
                "every over-long body is 413 problem+json naming the body:\n" + String.join("\n", wrong));

        String underLimit = "{\"message\":{\"subject\":\"x\",\"content\":\"" + "b".repeat(1_500_000) + "\"}}";
        Api.Reply r = Tally.check("1.5 MB send", Caller.CSR.call("POST", "/communications/send", underLimit));
        assertEquals(
                400, r.status(), "a 1.5 MB body is read and validated, not refused for size: " + abbreviate(r.body()));
        assertTrue(namesField(r, "recipients"), "it is the missing recipients that are named: " + abbreviate(r.body()));
    }

    @Test
    void crLfInATemplateVariableNeverAddsAMailHeaderOrRecipient() throws Exception {
        String to = "crlf-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String evil = "evil-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String send = Json.createObjectBuilder()
                .add(
                        "message",
                        Json.createObjectBuilder()
                                .add("templateId", TEMPLATE)
                                .add(
                                        "variables",
                                        Json.createObjectBuilder()
                                                .add("name", "Ana\r\nBcc: " + evil + "\r\nX-Injected: yes")
                                                .add("code", "1")))
                .add(
                        "recipients",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("channel", "Email")
                                        .add("address", to)))
                .build()
                .toString();
        Api.Reply r =
                Tally.check("send with CR/LF in a variable", Caller.CSR.call("POST", "/communications/send", send));
        if (r.status() == 202) {
            MimeMessage mail = awaitMailTo(to);
            assertEquals(null, mail.getHeader("X-Injected"), "no header was added through the variable");
            assertFalse(
                    mail.getSubject().contains("\r") || mail.getSubject().contains("\n"),
                    "the subject is one line: " + mail.getSubject());
            assertTrue(
                    mailsTo(evil).isEmpty()
                            && Switchboard.sandbox().smtp().issued().stream()
                                    .noneMatch(i -> i.recipients().contains(evil)),
                    "nothing went to the address smuggled in through the variable");
            assertEquals(List.of(to), recipientsOf(mail), "the mail has exactly the one recipient");
        } else {
            assertEquals(422, r.status(), "refused as unprocessable: " + r.body());
            assertTrue(namesField(r, "message.variables.name"), "names the variable: " + r.body());
        }
    }

    @Test
    void crLfInATestSendsSubjectOrAddressIsRefusedNamingTheField() {
        Api.Reply subject =
                Tally.check("test send with CR/LF subject", Caller.ADMIN.call("POST", "/communications/test", """
                {"channel":"Email","address":"probe@example.com","subject":"Hi\\r\\nBcc: evil@example.com","content":"x"}"""));
        assertEquals(400, subject.status(), "CR/LF in a test send's subject: " + subject.body());
        assertTrue(namesField(subject, "subject"), "names the subject: " + subject.body());
        Api.Reply address =
                Tally.check("test send with CR/LF address", Caller.ADMIN.call("POST", "/communications/test", """
                {"channel":"Email","address":"probe@example.com\\r\\nBcc: evil@example.com","subject":"Hi","content":"x"}"""));
        assertEquals(400, address.status(), "CR/LF in a test send's address: " + address.body());
        assertTrue(namesField(address, "address"), "names the address: " + address.body());
        Api.Reply template = Tally.check(
                "template with CR/LF subject", Caller.ADMIN.call("PUT", "/communications/templates/hostile-crlf", """
                {"subject":"Hi\\r\\nBcc: evil@example.com","body":"x"}"""));
        assertEquals(400, template.status(), "CR/LF in a template's subject: " + template.body());
        assertTrue(namesField(template, "subject"), "names the subject: " + template.body());
    }

    @Test
    void templateSyntaxInsideAVariableIsDeliveredAsTextNotEvaluated() throws Exception {
        String to = "mustache-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String sneaky = "{{code}} {{#code}}loop{{/code}} {{{code}}} {{> secrets}} {{=<% %>=}}";
        String send = Json.createObjectBuilder()
                .add(
                        "message",
                        Json.createObjectBuilder()
                                .add("templateId", TEMPLATE)
                                .add(
                                        "variables",
                                        Json.createObjectBuilder()
                                                .add("name", sneaky)
                                                .add("code", "SECRET-4711")))
                .add(
                        "recipients",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("channel", "Email")
                                        .add("address", to)))
                .build()
                .toString();
        Api.Reply r = Tally.check(
                "send with template syntax in a variable", Caller.CSR.call("POST", "/communications/send", send));
        assertEquals(202, r.status(), "accepted: " + r.body());
        String text = textOf(awaitMailTo(to));
        assertTrue(
                text.contains(
                        "Dear {{code}} {{#code}}loop{{/code}} {{{code}}} {{> secrets}} {{=<% %>=}}, your code is SECRET-4711."),
                "the variable arrives as text and only the template's own tag is filled: " + text);
        assertFalse(
                text.contains("Dear SECRET-4711") || text.contains("loop SECRET"),
                "nothing in the variable was evaluated: " + text);
    }

    @Test
    void brokenOrReachingTemplatesAreRefusedWhenSaved() {
        for (String body :
                List.of("Hello {{#name}} never closed", "{{> /etc/passwd}}", "{{< layout}}{{/layout}}", "{{/name}}")) {
            Api.Reply r = Tally.check(
                    "template body " + body,
                    Caller.ADMIN.call(
                            "PUT",
                            "/communications/templates/hostile-syntax",
                            Json.createObjectBuilder()
                                    .add("subject", "s")
                                    .add("body", body)
                                    .build()
                                    .toString()));
            assertTrue(r.status() == 400 || r.status() == 422, body + " is refused: " + r.status() + " " + r.body());
            assertTrue(namesField(r, "body"), body + " names the body: " + r.body());
        }
    }

    @Test
    void emojiRightToLeftAndCombiningTextArriveExactly() throws Exception {
        String to = "unicode-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String subject = "Tu coche 🚗 está listo — سيارتك جاهزة ✅ e\u0301";
        String content = "👩🏽‍🔧 listo. \u202Eabc\u202C עברית 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
        Api.Reply r = Tally.check(
                "unicode send",
                Caller.CSR.call(
                        "POST",
                        "/communications/send",
                        Json.createObjectBuilder()
                                .add(
                                        "message",
                                        Json.createObjectBuilder()
                                                .add("subject", subject)
                                                .add("content", content))
                                .add(
                                        "recipients",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("channel", "Email")
                                                        .add("address", to)))
                                .build()
                                .toString()));
        assertEquals(202, r.status(), "accepted: " + r.body());
        MimeMessage mail = awaitMailTo(to);
        assertEquals(subject, mail.getSubject(), "the subject arrives exactly");
        assertTrue(textOf(mail).contains(content), "the content arrives exactly: " + textOf(mail));
    }

    @Test
    void nulAndLoneSurrogatesAnywhereAreNeverAServerError() {
        List<String> wrong = new ArrayList<>();
        for (String bad : List.of("\\u0000", "\\ud800", "\\udfff", "a\\ud83d", "\\u0007\\u001b[31m")) {
            for (String send : List.of(
                    "{\"message\":{\"subject\":\"%s\",\"content\":\"x\"},\"recipients\":[{\"channel\":\"Email\",\"address\":\"u@example.com\"}]}",
                    "{\"message\":{\"subject\":\"s\",\"content\":\"%s\"},\"recipients\":[{\"channel\":\"InApp\",\"address\":\"hostile-unicode\"}]}",
                    "{\"message\":{\"subject\":\"s\",\"content\":\"x\"},\"recipients\":[{\"channel\":\"Email\",\"address\":\"u%s@example.com\"}]}",
                    "{\"message\":{\"subject\":\"s\",\"content\":\"x\"},\"recipients\":[{\"channel\":\"InApp\",\"address\":\"u%s\"}]}",
                    "{\"message\":{\"subject\":\"s\",\"content\":\"x\"},\"recipients\":[{\"stakeholderId\":\"c%s\"}]}",
                    "{\"message\":{\"templateId\":\"%s\"},\"recipients\":[{\"channel\":\"Email\",\"address\":\"u@example.com\"}]}",
                    "{\"customerId\":\"%s\",\"message\":{\"subject\":\"s\",\"content\":\"x\"},\"recipients\":[{\"channel\":\"Email\",\"address\":\"u@example.com\"}]}")) {
                Api.Reply r = Caller.CSR.call("POST", "/communications/send", send.formatted(bad));
                Tally.check("send " + send.formatted(bad), r);
                if (r.status() >= 500) {
                    wrong.add(send.formatted(bad) + " → " + r.status());
                }
            }
        }
        // %00 in a path segment is refused by Liberty before the application sees it (400, not problem+json):
        // checked for "never a 5xx, nothing internal" only
        for (String path : List.of("/communications/templates/t%00", "/communications/inapp/%00/read")) {
            Api.Reply r = Caller.ADMIN.call(path.endsWith("/read") ? "POST" : "GET", path, null);
            Tally.counted();
            if (r.status() >= 500 || r.body().contains("Exception")) {
                wrong.add(path + " → " + r.status() + " " + abbreviate(r.body()));
            }
        }
        // in paths and queries: NUL (queries), a UTF-8-encoded surrogate and an overlong NUL (both invalid UTF-8),
        // emoji, RTL override
        for (String bad : List.of("%00", "%ED%A0%80", "%C0%80", "%F0%9F%9A%97", "%E2%80%AE")) {
            for (String path : List.of(
                    "/communications/preferences?stakeholderId=" + bad,
                    "/communications/templates/t" + bad,
                    "/communications/delivery-tracking?customerId=" + bad,
                    "/communications/delivery-tracking?communicationId=" + bad,
                    "/communications/delivery-tracking?next=" + bad,
                    "/communications/inapp/inbox?next=" + bad,
                    "/communications/inapp/" + bad + "/read")) {
                if (bad.equals("%00") && !path.contains("?")) {
                    continue; // above
                }
                Api.Reply r = Tally.check(
                        "ADMIN " + path, Caller.ADMIN.call(path.endsWith("/read") ? "POST" : "GET", path, null));
                if (r.status() >= 500) {
                    wrong.add(path + " → " + r.status());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "no 5xx:\n" + String.join("\n", wrong));
    }

    @Test
    void aForgedTrackingCursorIsABadRequest() {
        for (String cursor : List.of(
                b64("2026-11-25\nnot-a-key\nCOMMUNICATION#x\nDETAILS"),
                b64("2026-11-25\n\n\n"),
                b64("junk"),
                "%25%25%25")) {
            Api.Reply r = Tally.check(
                    "tracking cursor " + cursor,
                    Caller.CSR.call("GET", "/communications/delivery-tracking?next=" + cursor, null));
            assertTrue(
                    r.status() == 200 || r.status() == 400,
                    "a forged cursor is 400 (or an empty page), not " + r.status() + " " + r.body());
        }
    }

    private static String b64(String s) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void expectClientError(List<String> wrong, JsonEndpoint e, String what, Api.Reply r) {
        boolean ok = (r.status() == 400 || r.status() == 422) && namesAnyField(r);
        if (!ok) {
            wrong.add(e.method() + " " + e.path() + " with " + abbreviate(what)
                    + ": expected 400/422 naming a field, got " + r.status() + " " + r.contentType() + " "
                    + abbreviate(r.body()));
        }
    }

    private static boolean namesAnyField(Api.Reply r) {
        return r.contentType().startsWith("application/problem+json")
                && r.json().containsKey("errors")
                && !r.json().getJsonArray("errors").isEmpty();
    }

    private static boolean namesField(Api.Reply r, String field) {
        if (!r.contentType().startsWith("application/problem+json")) {
            return false;
        }
        JsonObject problem = r.json();
        return problem.containsKey("errors")
                && problem.getJsonArray("errors").stream()
                        .anyMatch(e -> field.equals(e.asJsonObject().getString("field", null)));
    }

    /** A request with exactly these bytes, chunked (no Content-Length) or not. */
    private static Api.Reply raw(Caller caller, String method, String path, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Switchboard.BASE_URL + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, publisher);
        if (caller.api.authorization() != null) {
            b.header("Authorization", caller.api.authorization());
        }
        // a client of its own: the server may close a connection it did not read to the end
        try {
            HttpResponse<String> r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + (chunked ? " chunked" : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage awaitMailTo(String to) {
        await().atMost(Duration.ofSeconds(30))
                .alias("mail to " + to)
                .until(() -> !mailsTo(to).isEmpty());
        return mailsTo(to).get(0);
    }

    private static List<MimeMessage> mailsTo(String to) {
        return Arrays.stream(Switchboard.sandbox().mail().getReceivedMessages())
                .filter(m -> recipientsOf(m).contains(to))
                .toList();
    }

    private static List<String> recipientsOf(MimeMessage m) {
        try {
            var all = m.getAllRecipients();
            return all == null
                    ? List.of()
                    : Arrays.stream(all).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            return List.of();
        }
    }

    private static String textOf(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) {
            return s;
        }
        return textOf((jakarta.mail.Multipart) content);
    }

    private static String textOf(jakarta.mail.Multipart parts) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            Object part = parts.getBodyPart(i).getContent();
            text.append(part instanceof jakarta.mail.Multipart m ? textOf(m) : String.valueOf(part))
                    .append('\n');
        }
        return text.toString();
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }
}
