package component.store;

import com.switchboard.store.Items;
import com.switchboard.store.LeaseClaims;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two servers' schedulers in one: each timer, named after its "server", does what
 * {@code scheduling.DueDispatchService} does with {@link LeaseClaims} (read what is due, claim it
 * item by item) until nothing unclaimed is due. Bean-managed concurrency, so the two timeouts run
 * at once on the container's timer threads, as two servers' would.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RacingClaimers {
    @Resource
    TimerService timers;

    @Inject
    LeaseClaims claims;

    /** Item PK → the servers whose claim of it succeeded. */
    private final Map<String, List<String>> won = new ConcurrentHashMap<>();

    private final AtomicInteger attempts = new AtomicInteger();
    private volatile CountDownLatch finished;
    private volatile String partition;
    private volatile Duration lease;

    /** Starts both servers' timers at the same instant. */
    public CountDownLatch race(String partition, Duration lease, List<String> servers) {
        this.partition = partition;
        this.lease = lease;
        won.clear();
        attempts.set(0);
        finished = new CountDownLatch(servers.size());
        Date at = Date.from(Instant.now().plusMillis(300));
        servers.forEach(server -> timers.createSingleActionTimer(at, new TimerConfig(server, false)));
        return finished;
    }

    /** Item PK → the servers whose claim of it succeeded (through the bean: its proxy has no state). */
    public Map<String, List<String>> won() {
        return Map.copyOf(won);
    }

    /** Claims tried by both, won or lost. */
    public int attempts() {
        return attempts.get();
    }

    @Timeout
    void claimDue(Timer timer) {
        String server = (String) timer.getInfo();
        try {
            for (List<Map<String, AttributeValue>> due = claims.due(partition, 25, Duration.ZERO, null);
                    !due.isEmpty();
                    due = claims.due(partition, 25, Duration.ZERO, null)) {
                for (Map<String, AttributeValue> item : due) {
                    attempts.incrementAndGet();
                    Map<String, AttributeValue> key = Items.key(Items.str(item, "PK"), Items.str(item, "SK"));
                    if (claims.claim(key, Instant.parse(Items.str(item, "dueAt")), server, lease)
                            .isPresent()) {
                        won.computeIfAbsent(
                                        Items.str(item, "PK"), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(server);
                    }
                }
            }
        } finally {
            finished.countDown();
        }
    }
}
