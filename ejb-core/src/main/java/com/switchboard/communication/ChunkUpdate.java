package com.switchboard.communication;

import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The UpdateItem expressions that move several recipients of one chunk at once:
 * {@code SET #r.#e0.#s = :Sent, #r.#e0.#u = :at, ...} under the condition that each of them is
 * still in the status it leaves ({@code #r.#e0.#s = :Pending AND ...}). Names and values are shared
 * between recipients where they can be, so 25 recipients stay well inside DynamoDB's 4 KB
 * expression limit; {@link #parts} cuts a longer list.
 */
final class ChunkUpdate {
    /** Below DynamoDB's 4 KB limit on one expression. */
    private static final int MAX_EXPRESSION = 3500;

    final String update;
    final String condition;
    final Map<String, String> names = new HashMap<>();
    final Map<String, AttributeValue> values = new HashMap<>();

    private ChunkUpdate(List<ChunkMove> moves, String at) {
        names.put("#r", RecipientChunks.ENTRIES);
        names.put("#s", "status");
        names.put("#u", "updatedAt");
        values.put(":at", s(at));
        Map<String, String> attributeNames = new LinkedHashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        StringBuilder when = new StringBuilder();
        for (int k = 0; k < moves.size(); k++) {
            ChunkMove m = moves.get(k);
            String e = "#r.#e" + k + ".";
            names.put("#e" + k, Integer.toString(m.index()));
            values.put(":" + m.to().name(), s(m.to().name()));
            values.put(":" + m.from().name(), s(m.from().name()));
            if (k > 0) {
                set.append(", ");
                when.append(" AND ");
            }
            set.append(e)
                    .append("#s = :")
                    .append(m.to().name())
                    .append(", ")
                    .append(e)
                    .append("#u = :at");
            when.append(e).append("#s = :").append(m.from().name());
            if (m.attempts() != null) {
                names.put("#n", "attempts");
                values.put(":n" + k, n(m.attempts()));
                set.append(", ").append(e).append("#n = :n").append(k);
            }
            int j = 0;
            for (Map.Entry<String, String> a : m.attributes().entrySet()) {
                String name = attributeNames.computeIfAbsent(a.getKey(), x -> "#a" + attributeNames.size());
                names.put(name, a.getKey());
                values.put(":v" + k + "_" + j, s(a.getValue()));
                set.append(", ")
                        .append(e)
                        .append(name)
                        .append(" = :v")
                        .append(k)
                        .append('_')
                        .append(j++);
            }
            if (m.event() != null) {
                names.put("#v", RecipientChunks.EVENTS);
                values.put(":nil", AttributeValue.fromL(List.of()));
                values.put(":w" + k, AttributeValue.fromL(List.of(AttributeValue.fromM(m.event()))));
                set.append(", ")
                        .append(e)
                        .append("#v = list_append(if_not_exists(")
                        .append(e)
                        .append("#v, :nil), :w")
                        .append(k)
                        .append(')');
            }
            for (Map.Entry<String, Long> a : m.numbers().entrySet()) {
                String name = attributeNames.computeIfAbsent(a.getKey(), x -> "#a" + attributeNames.size());
                names.put(name, a.getKey());
                values.put(":v" + k + "_" + j, n(a.getValue()));
                set.append(", ")
                        .append(e)
                        .append(name)
                        .append(" = :v")
                        .append(k)
                        .append('_')
                        .append(j++);
            }
        }
        long leaving = moves.stream()
                .filter(m -> m.from() == RecipientStatus.Pending && m.to() != RecipientStatus.Pending)
                .count();
        if (leaving > 0) {
            names.put("#p", RecipientChunks.PENDING);
            values.put(":dp", n(-leaving));
            set.append(" ADD #p :dp");
        }
        this.update = set.toString();
        this.condition = when.toString();
    }

    /** The moves (all of one chunk) as one or more updates, each inside the expression limit. */
    static List<Map.Entry<List<ChunkMove>, ChunkUpdate>> parts(List<ChunkMove> moves, String at) {
        List<Map.Entry<List<ChunkMove>, ChunkUpdate>> parts = new ArrayList<>();
        ChunkUpdate whole = new ChunkUpdate(moves, at);
        if (moves.size() == 1
                || whole.update.length() <= MAX_EXPRESSION && whole.condition.length() <= MAX_EXPRESSION) {
            parts.add(Map.entry(moves, whole));
            return parts;
        }
        int half = moves.size() / 2;
        parts.addAll(parts(moves.subList(0, half), at));
        parts.addAll(parts(moves.subList(half, moves.size()), at));
        return parts;
    }
}
