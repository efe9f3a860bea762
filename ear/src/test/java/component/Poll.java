package component;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in-container for a condition (awaitility is not in the small deployments). */
public final class Poll {
    private Poll() {}

    /** Whether {@code condition} held within {@code timeout}, checked every 50 ms. */
    public static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
