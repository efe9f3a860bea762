package it.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the server publishes at /openapi: complete schemas for ejb-core's request
 * types, problem documents for errors, both security schemes, and every JAX-RS path of rest-api.
 */
@ExtendWith(Switchboard.class)
class OpenApiIT {
    private static final Pattern CLASS_PATH = Pattern.compile("^@Path\\(\"([^\"]*)\"\\)", Pattern.MULTILINE);
    private static final Pattern METHOD_PATH = Pattern.compile("^\\s+@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern HTTP_METHOD = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH|HEAD)");
    private static JsonObject doc;

    @BeforeAll
    static void fetch() {
        Api.Reply r = Api.anonymous().get("/openapi", "Accept", "application/json");
        assertEquals(200, r.status(), "the document is public: " + r.body());
        doc = r.json();
    }

    @Test
    void theSendRequestSchemaIsCompleteWithItsRequiredFields() {
        JsonObject post =
                doc.getJsonObject("paths").getJsonObject("/communications/send").getJsonObject("post");
        JsonObject content =
                post.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json");
        JsonObject schema = resolve(content.getJsonObject("schema"));
        assertTrue(strings(schema, "required").contains("message"), "message is required: " + schema);
        JsonObject properties = schema.getJsonObject("properties");
        for (String field : List.of("message", "recipients", "stakeholderIds", "scheduledAt", "urgency", "fallback")) {
            assertTrue(properties.containsKey(field), "SendRequest documents " + field + ": " + properties.keySet());
        }
        assertEquals(
                "object",
                resolve(properties.getJsonObject("message")).getString("type"),
                "nested ejb-core types are documented, not left empty");
        assertFalse(content.getJsonObject("examples").isEmpty(), "send has examples");
        assertNotNull(post.getJsonObject("responses").getJsonObject("202"), "202 Accepted is documented");
    }

    @Test
    void validationErrorsAreDocumentedAsProblemDocumentsWithFieldErrors() {
        JsonObject responses = doc.getJsonObject("paths")
                .getJsonObject("/communications/send")
                .getJsonObject("post")
                .getJsonObject("responses");
        for (String status : List.of("400", "422")) {
            JsonObject response = resolve(responses.getJsonObject(status));
            JsonObject problem = resolve(response.getJsonObject("content")
                    .getJsonObject("application/problem+json")
                    .getJsonObject("schema"));
            JsonObject errors = problem.getJsonObject("properties").getJsonObject("errors");
            assertEquals("array", errors.getString("type"), status + " carries a list of field errors");
            JsonObject fieldError = resolve(errors.getJsonObject("items"));
            assertTrue(
                    fieldError.getJsonObject("properties").containsKey("field"), status + " names the field at fault");
        }
    }

    @Test
    void everyOperationHasAUniqueOperationIdASummaryAndItsSecurity() {
        List<String> wrong = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        doc.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
                    if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                        return;
                    }
                    JsonObject o = op.asJsonObject();
                    String id = o.getString("operationId", null);
                    if (id == null || !ids.add(id)) {
                        wrong.add(method + " " + path + ": operationId " + id);
                    }
                    if (o.getString("summary", "").isBlank()) {
                        wrong.add(method + " " + path + ": no summary");
                    }
                    if (!o.containsKey("security") && !doc.containsKey("security")) {
                        wrong.add(method + " " + path + ": no security");
                    }
                }));
        assertTrue(wrong.isEmpty(), "a generated client needs these: " + wrong);
        assertTrue(
                ids.containsAll(
                        List.of("send", "getCommunication", "trackDeliveries", "getPreferences", "putPreferences")),
                ids.toString());
    }

    @Test
    void trackingHasAnExample() {
        JsonObject ok = doc.getJsonObject("paths")
                .getJsonObject("/communications/delivery-tracking")
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("200");
        assertFalse(
                ok.getJsonObject("content")
                        .getJsonObject("application/json")
                        .getJsonObject("examples")
                        .isEmpty(),
                "tracking answers are shown by example");
    }

    @Test
    void bothSecuritySchemesAreDescribed() {
        JsonObject schemes = doc.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("basic", schemes.getJsonObject("basic").getString("scheme"), "HTTP Basic");
        JsonObject apiKey = schemes.getJsonObject("apiKey");
        assertEquals("apiKey", apiKey.getString("type"), "API key scheme");
        assertEquals("header", apiKey.getString("in"), "sent in a header");
        assertEquals("X-Api-Key", apiKey.getString("name"), "named X-Api-Key");
    }

    @Test
    void everyJaxRsPathOfTheApiIsDocumented() throws IOException {
        List<String> declared = declaredPaths(Path.of("../rest-api/src/main/java"));
        assertTrue(declared.size() > 15, "the resources were read: " + declared);
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : declared) {
            assertTrue(paths.containsKey(path), path + " is in the document: " + paths.keySet());
        }
    }

    /** Each resource method's path: class @Path joined with its own ({name: regex} written {name}), from the sources. */
    private static List<String> declaredPaths(Path sources) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String java = Files.readString(file);
                Matcher type = CLASS_PATH.matcher(java);
                if (type.find()) {
                    paths.addAll(methodPaths(type.group(1), java.lines().toList()));
                }
            }
        }
        return paths.stream().distinct().toList();
    }

    /** Walks back from each method declaration over its annotations, which hold its HTTP method and @Path. */
    private static List<String> methodPaths(String base, List<String> lines) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("    public ")) {
                continue;
            }
            boolean resourceMethod = false;
            String own = "";
            for (int j = i - 1; j >= 0 && isAnnotationLine(lines.get(j)); j--) {
                String line = lines.get(j).trim();
                resourceMethod |= HTTP_METHOD.matcher(line).matches();
                Matcher path = METHOD_PATH.matcher(lines.get(j));
                if (path.find()) {
                    own = path.group(1);
                }
            }
            if (resourceMethod) {
                paths.add(normalize(base + "/" + own));
            }
        }
        return paths;
    }

    private static boolean isAnnotationLine(String line) {
        String trimmed = line.trim();
        return !trimmed.isEmpty()
                && !trimmed.endsWith(";")
                && !trimmed.endsWith("}")
                && !trimmed.endsWith("{")
                && !trimmed.startsWith("*")
                && !trimmed.startsWith("/*");
    }

    /** Drops JAX-RS path regexes ({id: [0-9a-f-]{36}} becomes {id}) and doubled or trailing slashes. */
    private static String normalize(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : ("/" + path).toCharArray()) {
            if (c == '{' && ++depth == 1) {
                skipping = false;
            } else if (c == '}' && --depth == 0) {
                skipping = false;
            } else if (c == ':' && depth == 1) {
                skipping = true;
            }
            if (!skipping && !(Character.isWhitespace(c) && depth == 1)) {
                out.append(c);
            }
        }
        String p = out.toString().replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static JsonObject resolve(JsonObject maybeRef) {
        if (!maybeRef.containsKey("$ref")) {
            return maybeRef;
        }
        JsonObject target = doc;
        for (String part : maybeRef.getString("$ref").substring(2).split("/")) {
            target = target.getJsonObject(part);
        }
        return target;
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.containsKey(name)
                ? o.getJsonArray(name).getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
    }
}
