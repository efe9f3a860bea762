package com.switchboard.tracking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provider notifications (SNS MessageIds, WhatsApp message and status ids) this server applied
 * within the replay window, so a correctly signed notification posted again inside the window is
 * acknowledged and ignored instead of applied twice (a customer's reply shown twice, an event
 * appended twice). Ids are kept as 64-bit hashes in one-minute buckets of primitive sets: a million
 * notifications an hour cost about 16 MiB. Per server: a copy replayed to another server is caught
 * only by what receipts are anyway (forward-only moves). Above {@code webhook.dedup.max.ids} ids
 * a notification is applied unremembered rather than refused, with a warning.
 */
@ApplicationScoped
public class RecentNotifications {
    private static final Logger LOG = Logger.getLogger(RecentNotifications.class.getName());
    private static final long BUCKET_MS = 60_000;
    /** What the ring of 61 one-minute buckets can hold. */
    private static final Duration MAX_WINDOW = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = "webhook.dedup.max.ids", defaultValue = "2000000")
    int maxIds;

    private final Buckets buckets = new Buckets(61);

    /**
     * Runs {@code apply} for notification {@code id} (of {@code kind}) unless it was applied within
     * {@code window} (its sender's replay window; ids are kept for its last hour at most), and
     * remembers it only once {@code apply} returned: the sender's retry of a notification whose
     * processing failed (a DynamoDB outage's 503) is applied, not taken for a repeat. An empty id
     * cannot be told from another: it is applied every time.
     */
    public void once(String kind, String id, Duration window, Runnable apply) {
        if (id == null || id.isEmpty()) {
            apply.run();
            return;
        }
        long hash = hash(kind + " " + id);
        long windowMillis = Math.min(window.toMillis(), MAX_WINDOW.toMillis());
        if (buckets.contains(hash, System.currentTimeMillis(), windowMillis)) {
            LOG.fine(() -> kind + " " + id + " applied before within " + window + "; ignored");
            return;
        }
        apply.run();
        buckets.add(hash, System.currentTimeMillis(), windowMillis, maxIds);
    }

    /** 64-bit FNV-1a with a final mix: collisions among a million ids are about one in 10^7. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** A ring of one-minute buckets; a bucket is emptied when its minute comes round again. */
    static final class Buckets {
        private final LongSet[] sets;
        private final long[] minutes;

        Buckets(int count) {
            sets = new LongSet[count];
            minutes = new long[count];
            Arrays.fill(minutes, -1);
            for (int i = 0; i < count; i++) {
                sets[i] = new LongSet();
            }
        }

        synchronized boolean contains(long hash, long nowMillis, long windowMillis) {
            long minute = nowMillis / BUCKET_MS;
            long oldest = (nowMillis - windowMillis) / BUCKET_MS;
            for (int i = 0; i < sets.length; i++) {
                if (minutes[i] >= oldest && minutes[i] <= minute && sets[i].contains(hash)) {
                    return true;
                }
            }
            return false;
        }

        synchronized boolean add(long hash, long nowMillis, long windowMillis, int maxIds) {
            long minute = nowMillis / BUCKET_MS;
            long oldest = (nowMillis - windowMillis) / BUCKET_MS;
            int total = 0;
            for (int i = 0; i < sets.length; i++) {
                if (minutes[i] >= oldest && minutes[i] <= minute) {
                    if (sets[i].contains(hash)) {
                        return false;
                    }
                    total += sets[i].size();
                }
            }
            int slot = (int) Math.floorMod(minute, (long) sets.length);
            if (minutes[slot] != minute) {
                sets[slot].clear();
                minutes[slot] = minute;
            }
            if (total < maxIds) {
                sets[slot].add(hash);
            } else if (sets[slot].size() == 0) {
                LOG.warning(
                        "more than " + maxIds + " notifications in the replay window: newer ones are not remembered");
            }
            return true;
        }
    }

    /** An open-addressing set of longs (0 is stored as a flag), doubling at half full. */
    static final class LongSet {
        private long[] table = new long[64];
        private int size;
        private boolean hasZero;

        int size() {
            return size + (hasZero ? 1 : 0);
        }

        boolean contains(long v) {
            if (v == 0) {
                return hasZero;
            }
            int mask = table.length - 1;
            for (int i = (int) (v ^ (v >>> 32)) & mask; table[i] != 0; i = (i + 1) & mask) {
                if (table[i] == v) {
                    return true;
                }
            }
            return false;
        }

        void add(long v) {
            if (v == 0) {
                hasZero = true;
                return;
            }
            if (size * 2 >= table.length) {
                long[] old = table;
                table = new long[old.length * 2];
                size = 0;
                for (long o : old) {
                    if (o != 0) {
                        insert(o);
                    }
                }
            }
            insert(v);
        }

        private void insert(long v) {
            int mask = table.length - 1;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == v) {
                    return;
                }
                i = (i + 1) & mask;
            }
            table[i] = v;
            size++;
        }

        void clear() {
            if (table.length > 64) {
                table = new long[64]; // a quiet minute gives its memory back
            } else {
                Arrays.fill(table, 0);
            }
            size = 0;
            hasZero = false;
        }
    }
}
