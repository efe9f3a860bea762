package it.ui;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the npm package, installed with the sandbox peers) run in the page the browser shows:
 * the accessibility rules of WCAG 2.x A and AA that a machine can check.
 */
final class Axe {
    private static final Path SCRIPT =
            Path.of(System.getProperty("sandbox.dir", "sandbox"), "node_modules", "axe-core", "axe.min.js");
    private static String source;

    private Axe() {}

    /** The violations of impact serious or critical on the current page, one line each: rule, impact, what, where. */
    static List<String> seriousViolations(JavascriptExecutor page) throws IOException {
        if (source == null) {
            source = Files.readString(SCRIPT);
        }
        page.executeScript(source);
        Object result = page.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                   .then(function (r) { done(JSON.stringify(r.violations)); })
                   .catch(function (e) { done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])); });
                """);
        JsonArray violations =
                Json.createReader(new StringReader(String.valueOf(result))).readArray();
        return violations.stream()
                .map(JsonObject.class::cast)
                .filter(v -> List.of("serious", "critical").contains(v.getString("impact", "")))
                .map(v -> v.getString("id") + " (" + v.getString("impact") + "): " + v.getString("help") + " at "
                        + v.getJsonArray("nodes").stream()
                                .map(n ->
                                        n.asJsonObject().getJsonArray("target").toString())
                                .toList())
                .toList();
    }
}
