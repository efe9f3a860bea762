package it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The production package ({@code target/switchboard-server.zip}, the server's usr directory) holds
 * the server, the aws profile and the EAR, and nothing of the local profile: no users or passwords
 * in server.env, no local.xml, no keystore or LTPA keys, no sandbox or test classes in the EAR.
 */
class ProductionPackageIT {
    private static final String SERVER = "wlp/usr/servers/switchboard/";

    @Test
    void thePackageCarriesTheServerAndTheAwsProfileButNothingOfTheLocalOne() throws IOException {
        try (ZipFile zip =
                new ZipFile(Path.of(System.getProperty("production.package")).toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            for (String needed : List.of(
                    "server.xml",
                    "bootstrap.properties",
                    "jvm.options",
                    "configDropins/profiles/aws.xml",
                    "apps/switchboard.ear")) {
                assertTrue(names.contains(SERVER + needed), "the package has " + needed + ": " + names);
            }
            List<String> wrong = new ArrayList<>();
            for (String name : names) {
                if (name.endsWith("local.xml")
                        || name.contains("/resources/security/")
                        || name.contains("sandbox")
                        || name.endsWith(".p12")
                        || name.endsWith("ltpa.keys")) {
                    wrong.add(name);
                }
            }
            assertEquals(List.of(), wrong, "nothing of the local profile or the sandbox is packaged");
            ZipEntry env = zip.getEntry(SERVER + "server.env");
            if (env != null) {
                String text = new String(zip.getInputStream(env).readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(
                        text.contains("PASSWORD") || text.contains("keystore_password") || text.contains("SB_"),
                        "server.env carries no users or passwords: " + text);
            }
            assertFalse(
                    new String(
                                    zip.getInputStream(zip.getEntry(SERVER + "server.xml"))
                                            .readAllBytes(),
                                    StandardCharsets.UTF_8)
                            .contains("local-pw"),
                    "nor does server.xml");

            List<String> inEar = new ArrayList<>();
            try (ZipInputStream ear =
                    new ZipInputStream(zip.getInputStream(zip.getEntry(SERVER + "apps/switchboard.ear")))) {
                for (ZipEntry e; (e = ear.getNextEntry()) != null; ) {
                    inEar.add(e.getName());
                    if (e.getName().endsWith(".jar") || e.getName().endsWith(".war")) {
                        try (ZipInputStream module = new ZipInputStream(new ByteArrayInputStream(ear.readAllBytes()))) {
                            for (ZipEntry m; (m = module.getNextEntry()) != null; ) {
                                inEar.add(e.getName() + "!" + m.getName());
                            }
                        }
                    }
                }
            }
            List<String> testCode = inEar.stream()
                    .filter(n -> n.contains("sandbox/")
                            || n.contains("/it/")
                            || n.contains("greenmail")
                            || n.contains("wiremock")
                            || n.contains("junit")
                            || n.contains("signing-certificate"))
                    .toList();
            assertEquals(List.of(), testCode, "no sandbox, test peer or test class is in the EAR");
            assertTrue(
                    inEar.contains("ejb-core.jar!com/switchboard/health/ProfileCheck.class"),
                    "the EAR was read through (it has the aws profile's start check): " + inEar.size() + " entries");
        }
    }
}
