package bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The hottest partition key value of the table and of each index in one phase, read from the
 * server's {@code com.switchboard:type=PartitionHeat} MBean (reset when the phase began): the key
 * value with the most writes (the most reads when the target had no write), its writes and reads,
 * and the target's totals. Its share is of all the phase's writes, table and indexes together: the
 * issue's target is that no key value takes more than 1/8 of them.
 */
record HotKeys(Map<String, Target> targets, long allWrites) {
    static final List<String> TARGETS = List.of("table", "GSI1", "GSI2", "GSI3");
    static final double TARGET_SHARE_PCT = 100.0 / 8;
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LONG_HEX =
            Pattern.compile("(?<![0-9A-Za-z])(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{12,}(?![0-9A-Za-z])");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");

    /** {@code key}: null when nothing touched the target in the phase. */
    record Target(long writes, long reads, long unattributed, String key, long keyWrites, long keyReads) {}

    static HotKeys parse(String json) {
        JsonObject targets =
                Json.createReader(new StringReader(json)).readObject().getJsonObject("targets");
        Map<String, Target> parsed = new LinkedHashMap<>();
        long all = 0;
        for (String name : targets.keySet()) {
            JsonObject t = targets.getJsonObject(name);
            JsonArray top =
                    t.getJsonArray("topWrites").isEmpty() ? t.getJsonArray("topReads") : t.getJsonArray("topWrites");
            JsonObject hottest = top.isEmpty() ? null : top.getJsonObject(0);
            parsed.put(
                    name,
                    new Target(
                            t.getJsonNumber("writes").longValue(),
                            t.getJsonNumber("reads").longValue(),
                            t.getJsonNumber("unattributedWrites").longValue(),
                            hottest == null ? null : hottest.getString("key"),
                            hottest == null
                                    ? 0
                                    : hottest.getJsonNumber("writes").longValue(),
                            hottest == null ? 0 : hottest.getJsonNumber("reads").longValue()));
            all += t.getJsonNumber("writes").longValue();
        }
        return new HotKeys(parsed, all);
    }

    Target target(String name) {
        return targets.getOrDefault(name, new Target(0, 0, 0, null, 0, 0));
    }

    /** Share of all the phase's writes on {@code name}'s hottest key value, in per cent. */
    double sharePct(String name) {
        return allWrites == 0 ? 0 : 100.0 * target(name).keyWrites() / allWrites;
    }

    /** Per target: the hottest key value's writes and reads per second of the phase and its share of all writes. */
    Map<String, Double> figures(double seconds) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (String name : TARGETS) {
            String t = name.toLowerCase();
            f.put(t + "_writes_per_s", target(name).keyWrites() / seconds);
            f.put(t + "_reads_per_s", target(name).keyReads() / seconds);
            f.put(t + "_write_share_pct", sharePct(name));
            f.put(t + "_unattributed_writes", (double) target(name).unattributed());
        }
        return f;
    }

    /** The key value as a pattern: ids (UUIDs, long hex or digit runs) become {@code <id>}, dates and shard suffixes stay. */
    static String pattern(String key) {
        if (key == null) {
            return "-";
        }
        String k = UUID.matcher(key).replaceAll("<id>");
        k = LONG_HEX.matcher(k).replaceAll("<id>");
        return LONG_DIGITS.matcher(k).replaceAll("<id>");
    }
}
