package bench;

import it.support.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A reading of the server's MicroProfile metrics (Prometheus text): the counters of what the
 * pipeline asked of DynamoDB and JMS ({@code switchboard_dynamodb_*}, {@code switchboard_jms_*}),
 * the recipients that reached each status, and the REST requests served. Two readings subtracted
 * say what a phase did; the benchmark never reads communication views inside a measured window.
 */
record Metrics(Map<String, Double> series) {
    private static final Api ADMIN = Api.as("admin");

    static Metrics read() {
        Map<String, Double> series = new HashMap<>();
        for (String scope : new String[] {"application", "base"}) {
            parse(ADMIN.get("/metrics?scope=" + scope), series);
        }
        return new Metrics(series);
    }

    /** Only the recipients-per-status counter: the cheap reading a phase polls for its progress. */
    static Metrics recipients() {
        Map<String, Double> series = new HashMap<>();
        parse(ADMIN.get("/metrics?scope=application&name=switchboard.recipients"), series);
        return new Metrics(series);
    }

    /** Adds the series of a Prometheus answer; 404 is a scope or metric with nothing counted yet. */
    private static void parse(Api.Reply r, Map<String, Double> series) {
        if (r.status() == 404) {
            return;
        }
        if (r.status() != 200) {
            throw new IllegalStateException("metrics answered " + r.status());
        }
        for (String line : r.body().lines().toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                series.merge(line.substring(0, space), Double.parseDouble(line.substring(space + 1)), Double::sum);
            }
        }
    }

    Metrics minus(Metrics before) {
        Map<String, Double> d = new HashMap<>(series);
        before.series.forEach((k, v) -> d.merge(k, -v, Double::sum));
        return new Metrics(d);
    }

    /** The sum of every series of {@code name} whose labels match. */
    double sum(String name, Predicate<Map<String, String>> labels) {
        return series.entrySet().stream()
                .filter(e -> name(e.getKey()).equals(name) && labels.test(labels(e.getKey())))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    double sum(String name) {
        return sum(name, l -> true);
    }

    /** Recipients of {@code channel} that reached {@code status} (the pipeline's own counter). */
    double recipients(String channel, String status) {
        return sum(
                "switchboard_recipients_total",
                l -> channel.equals(l.get("channel")) && status.equals(l.get("status")));
    }

    /** {@code name}'s values summed by the value of label {@code by}, largest first is the caller's to sort. */
    Map<String, Double> by(String name, String by) {
        Map<String, Double> out = new TreeMap<>();
        series.forEach((k, v) -> {
            if (name(k).equals(name) && v != 0) {
                out.merge(labels(k).getOrDefault(by, "-"), v, Double::sum);
            }
        });
        return out;
    }

    private static String name(String series) {
        int brace = series.indexOf('{');
        return brace < 0 ? series : series.substring(0, brace);
    }

    private static Map<String, String> labels(String series) {
        Map<String, String> labels = new HashMap<>();
        int brace = series.indexOf('{');
        if (brace < 0) {
            return labels;
        }
        String body = series.substring(brace + 1, series.lastIndexOf('}'));
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            int start = body.indexOf('"', eq) + 1;
            int end = body.indexOf('"', start);
            labels.put(body.substring(i, eq).replace(",", "").strip(), body.substring(start, end));
            i = end + 1;
            while (i < body.length() && (body.charAt(i) == ',' || body.charAt(i) == ' ')) {
                i++;
            }
        }
        return labels;
    }
}
