package com.switchboard.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependencies of ejb-core point down: a package may use its own layer and those below it,
 * never one above, and no two packages depend on each other through any path. The layers, bottom
 * first, are drawn in docs/architecture.md; a new package must be placed in one of them here.
 * A parent package lies below its subpackages ({@code channel}, the SPI every layer names, under
 * the providers in {@code channel.*}; {@code communication}, the model and its store, under
 * {@code communication.send}, which accepts sends and needs the queues and the schedule).
 */
class PackageLayersTest {
    private static final String BASE = "com.switchboard.";

    /** Bottom first. Exact packages: a subpackage is listed on its own. */
    private static final Map<String, String[]> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("foundation", new String[] {"error", "metering", "store", "messaging", "tracking.sns", "audit"});
        LAYERS.put(
                "reference data", new String[] {"template", "channel", "preference", "apikey", "limits", "document"});
        LAYERS.put("communication", new String[] {"communication"});
        LAYERS.put("pipeline", new String[] {
            "analytics",
            "queue",
            "scheduling",
            "communication.send",
            "coordination",
            "coordination.timing",
            "tracking",
            "conversation"
        });
        LAYERS.put("providers", new String[] {
            "channel.email", "channel.sms", "channel.whatsapp", "channel.inapp", "channel.chat", "channel.control"
        });
        LAYERS.put("edge", new String[] {"delivery", "integration", "health", "web"});
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.switchboard");
    }

    @Test
    void noPackageUsesALayerAboveIt() {
        LayeredArchitecture architecture = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        for (Map.Entry<String, String[]> layer : LAYERS.entrySet()) {
            architecture = architecture
                    .layer(layer.getKey())
                    .definedBy(
                            Arrays.stream(layer.getValue()).map(p -> BASE + p).toArray(String[]::new));
        }
        String[] names = LAYERS.keySet().toArray(String[]::new);
        for (int i = 0; i < names.length - 1; i++) {
            architecture = architecture
                    .whereLayer(names[i])
                    .mayOnlyBeAccessedByLayers(Arrays.copyOfRange(names, i + 1, names.length));
        }
        architecture.check(classes);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("com.switchboard.(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }
}
