package sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Plays Amazon SNS's signing side for the sandbox: at start it generates a fresh RSA key and a
 * self-signed certificate (with the JDK's keytool, so no private key is ever committed), writes
 * the certificate as PEM where the local profile's {@code sns.test.trust.store} points, and signs
 * SNS messages with it exactly as SNS does (SignatureVersion 1 or 2). The certificate's subject is
 * not the SNS signing name, so a server with the aws configuration refuses it.
 */
public final class SnsSandboxSigner {
    /** Topics the local profile allows (sns.allowed.topic.arns in local.xml). */
    public static final String SES_TOPIC = "arn:aws:sns:eu-west-1:000000000000:switchboard-ses-events";

    public static final String SMS_TOPIC = "arn:aws:sns:eu-west-1:000000000000:switchboard-sms-events";
    /** An AWS-shaped certificate URL: it passes the URL rule; the local profile pins the key instead of fetching. */
    public static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-sandbox.pem";

    public static final String SUBJECT = "CN=switchboard-sandbox-sns";

    private final PrivateKey key;
    private final String certificatePem;

    private SnsSandboxSigner(PrivateKey key, String certificatePem) {
        this.key = key;
        this.certificatePem = certificatePem;
    }

    /** Generates the key pair and writes the certificate to {@code trustFile}. */
    public static SnsSandboxSigner generate(Path trustFile) throws IOException {
        Path dir = Files.createTempDirectory("sns-sandbox");
        Path store = dir.resolve("signing.p12");
        char[] password = UUID.randomUUID().toString().toCharArray();
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "sns",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-sigalg",
                        "SHA256withRSA",
                        "-dname",
                        SUBJECT,
                        "-validity",
                        "30",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(password),
                        "-keypass",
                        new String(password))
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            }
            Certificate cert = ks.getCertificate("sns");
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.createDirectories(trustFile.toAbsolutePath().getParent());
            Files.writeString(trustFile, pem);
            return new SnsSandboxSigner((PrivateKey) ks.getKey("sns", password), pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the generated signing key", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    public String certificatePem() {
        return certificatePem;
    }

    /** A signed Notification of {@code message} on {@code topicArn}, SignatureVersion 2. */
    public String notification(String topicArn, String message) {
        return notification(topicArn, message, CERT_URL, "2");
    }

    public String notification(String topicArn, String message, String certUrl, String signatureVersion) {
        return notification(topicArn, message, certUrl, signatureVersion, Instant.now());
    }

    /** A correctly signed Notification stamped {@code at}: a message captured then and replayed now. */
    public String notification(String topicArn, String message, String certUrl, String signatureVersion, Instant at) {
        String id = UUID.randomUUID().toString();
        String timestamp = at.toString();
        StringJoiner canonical = new StringJoiner("\n", "", "\n");
        canonical
                .add("Message")
                .add(message)
                .add("MessageId")
                .add(id)
                .add("Timestamp")
                .add(timestamp)
                .add("TopicArn")
                .add(topicArn)
                .add("Type")
                .add("Notification");
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("Type", "Notification")
                .add("MessageId", id)
                .add("TopicArn", topicArn)
                .add("Message", message)
                .add("Timestamp", timestamp)
                .add("SignatureVersion", signatureVersion)
                .add("Signature", sign(canonical.toString(), signatureVersion))
                .add("SigningCertURL", certUrl)
                .add(
                        "UnsubscribeURL",
                        "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + topicArn + ":"
                                + id);
        return body.build().toString();
    }

    /** A signed SubscriptionConfirmation or UnsubscribeConfirmation, as SNS sends to a new endpoint. */
    public String confirmation(String type, String topicArn, String subscribeUrl) {
        String id = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        String token = UUID.randomUUID().toString().replace("-", "");
        String message = "You have chosen to subscribe to the topic " + topicArn
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        StringJoiner canonical = new StringJoiner("\n", "", "\n");
        canonical
                .add("Message")
                .add(message)
                .add("MessageId")
                .add(id)
                .add("SubscribeURL")
                .add(subscribeUrl)
                .add("Timestamp")
                .add(timestamp)
                .add("Token")
                .add(token)
                .add("TopicArn")
                .add(topicArn)
                .add("Type")
                .add(type);
        return Json.createObjectBuilder()
                .add("Type", type)
                .add("MessageId", id)
                .add("Token", token)
                .add("TopicArn", topicArn)
                .add("Message", message)
                .add("SubscribeURL", subscribeUrl)
                .add("Timestamp", timestamp)
                .add("SignatureVersion", "2")
                .add("Signature", sign(canonical.toString(), "2"))
                .add("SigningCertURL", CERT_URL)
                .build()
                .toString();
    }

    private String sign(String canonical, String version) {
        try {
            Signature s = Signature.getInstance("1".equals(version) ? "SHA1withRSA" : "SHA256withRSA");
            s.initSign(key);
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
