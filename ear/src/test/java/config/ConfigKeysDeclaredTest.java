package config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every configuration key the code injects or reads by name is declared where an operator looks for it: as a
 * {@code <variable>} in server.xml, or in every profile; and a key read in several places has
 * one default. Only the sandbox's SNS certificate is left out: no production profile may set it.
 */
class ConfigKeysDeclaredTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern INJECTED = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");
    private static final Pattern VARIABLE = Pattern.compile("<variable\\s+name=\"([^\"]+)\"");
    /** A key read through Config by its whole name (keys built from a prefix, such as {@code budget.daily.<Channel>}, are not). */
    private static final Pattern READ = Pattern.compile("get(?:Optional)?Value\\(\\s*\"([a-z][\\w.-]*[a-z0-9])\"");
    /** Set by the environment (SWITCHBOARD_PROFILE): it names the profile file server.xml includes. */
    private static final Set<String> BOOTSTRAP = Set.of("switchboard.profile");

    private static final Set<String> TEST_ONLY = Set.of("sns.test.trust.store");

    @Test
    void everyInjectedKeyIsDeclaredInServerXmlOrInEveryProfile() {
        Set<String> server = declared(ROOT.resolve("server.xml"));
        Set<String> local = declared(ROOT.resolve("src-config/configDropins/profiles/local.xml"));
        Set<String> aws = declared(ROOT.resolve("src-config/configDropins/profiles/aws.xml"));
        Set<String> missing = new TreeSet<>();
        for (String key : injected().keySet()) {
            if (!TEST_ONLY.contains(key) && !server.contains(key) && !(local.contains(key) && aws.contains(key))) {
                missing.add(key);
            }
        }
        assertTrue(
                injected().size() > 50,
                "the scan found the code's keys: " + injected().keySet());
        assertEquals(Set.of(), missing, "declare each in server.xml with its default and a one-line comment");
    }

    @Test
    void aKeyReadInSeveralPlacesHasOneDefault() {
        Map<String, Set<String>> defaults = new TreeMap<>();
        injected().forEach((key, values) -> {
            Set<String> given = new HashSet<>(values);
            given.remove(null);
            if (given.size() > 1) {
                defaults.put(key, given);
            }
        });
        assertEquals(Map.of(), defaults, "one key, one default");
    }

    private static Map<String, List<String>> injected() {
        Map<String, List<String>> keys = new HashMap<>();
        for (String module : List.of("ejb-core", "rest-api", "web-jsf")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String source = read(f);
                    Matcher m = INJECTED.matcher(source);
                    while (m.find()) {
                        keys.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>())
                                .add(m.group(2));
                    }
                    Matcher r = READ.matcher(source);
                    while (r.find()) {
                        if (!BOOTSTRAP.contains(r.group(1))) {
                            keys.computeIfAbsent(r.group(1), k -> new java.util.ArrayList<>())
                                    .add(null);
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static Set<String> declared(Path xml) {
        Set<String> names = new HashSet<>();
        Matcher m = VARIABLE.matcher(read(xml));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
