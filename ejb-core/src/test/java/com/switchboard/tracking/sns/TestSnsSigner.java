package com.switchboard.tracking.sns;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/** A key and self-signed certificate made with keytool at test time, signing SNS messages as SNS does. */
final class TestSnsSigner {
    static final String TOPIC = "arn:aws:sns:eu-west-1:000000000000:switchboard-ses-events";
    static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem";

    final PrivateKey key;
    final Path pemFile;
    final String pem;

    private TestSnsSigner(PrivateKey key, Path pemFile, String pem) {
        this.key = key;
        this.pemFile = pemFile;
        this.pem = pem;
    }

    static TestSnsSigner generate(Path dir, String subject) throws Exception {
        Path store = dir.resolve("test.p12");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "sns",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        subject,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(ks.getCertificate("sns").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path pemFile = dir.resolve("sns.pem");
        Files.writeString(pemFile, pem);
        return new TestSnsSigner((PrivateKey) ks.getKey("sns", "changeit".toCharArray()), pemFile, pem);
    }

    /** A Notification body, signed over the canonical string with SignatureVersion {@code version}. */
    String notification(String topic, String message, String certUrl, String version) throws Exception {
        String id = "5f1b2c3d-0000-4000-8000-000000000001";
        String ts = "2026-11-25T10:00:00.000Z";
        StringJoiner c = new StringJoiner("\n", "", "\n");
        c.add("Message")
                .add(message)
                .add("MessageId")
                .add(id)
                .add("Timestamp")
                .add(ts)
                .add("TopicArn")
                .add(topic)
                .add("Type")
                .add("Notification");
        Signature s = Signature.getInstance("1".equals(version) ? "SHA1withRSA" : "SHA256withRSA");
        s.initSign(key);
        s.update(c.toString().getBytes(StandardCharsets.UTF_8));
        String sig = Base64.getEncoder().encodeToString(s.sign());
        return "{\"Type\":\"Notification\",\"MessageId\":\"" + id + "\",\"TopicArn\":\"" + topic + "\",\"Message\":"
                + jsonString(message) + ",\"Timestamp\":\"" + ts + "\",\"SignatureVersion\":\"" + version
                + "\",\"Signature\":\"" + sig + "\",\"SigningCertURL\":\"" + certUrl + "\"}";
    }

    static String jsonString(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }
}
