package it.reliability;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The suite's class order (failsafe's JUnit configuration in ear/pom.xml): JUnit's default order, with the classes
 * marked {@link PeerOutage} moved to the end, so a peer taken away and brought back cannot
 * disturb another test's deliveries in flight.
 */
public final class PeerOutagesLast implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: every other class keeps its place relative to the rest
        context.getClassDescriptors().sort(Comparator.comparing(d -> d.isAnnotated(PeerOutage.class)));
    }
}
