package sandbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The sandbox peers of the local profile: dynalite as DynamoDB on 127.0.0.1:8000, GreenMail
 * behind an SES-like SMTP front on 127.0.0.1:3025 (GreenMail itself on 3026) and WireMock on
 * 127.0.0.1:8089 playing Amazon SNS, the WhatsApp Graph API and Slack/Teams incoming webhooks, each posting its receipts back
 * ({@link SesEventPoster}, {@link ProviderReceiptListener}), and s3rver as Amazon S3 (documents) on
 * 127.0.0.1:8010, its objects under the data directory's {@code s3}. The ports are the local
 * profile's defaults in src-config/configDropins/profiles/local.xml.
 */
public final class Sandbox implements AutoCloseable {
    public static final int DYNAMODB_PORT = 8000;
    public static final int SMTP_PORT = 3025;
    public static final int GREENMAIL_PORT = 3026;
    public static final int WIREMOCK_PORT = 8089;
    public static final int S3_PORT = 8010;

    private Dynalite dynamo;
    private S3rver s3;
    private Path sandboxDir;
    private Path dataDir;
    private final GreenMail greenMail;
    private final SesSmtpFront smtp;
    private final WireMockServer wireMock;
    private SnsSandboxSigner snsSigner;
    private SesEventPoster sesEvents;
    private ProviderReceiptListener providerReceipts;

    private Sandbox(Dynalite dynamo, GreenMail greenMail, SesSmtpFront smtp, WireMockServer wireMock) {
        this.dynamo = dynamo;
        this.greenMail = greenMail;
        this.smtp = smtp;
        this.wireMock = wireMock;
    }

    /**
     * Where the local profile's sns.test.trust.store points: beside the Liberty install
     * (ear/target/liberty/sns-sandbox), derived from the same wlp.home the server is started from.
     */
    public static Path snsTrustFile() {
        return Path.of(System.getProperty("wlp.home", "target/liberty/wlp"))
                .toAbsolutePath()
                .getParent()
                .resolve("sns-sandbox/signing-certificate.pem");
    }

    public static Sandbox start(Path sandboxDir, Path dataDir) throws IOException {
        return start(sandboxDir, dataDir, false);
    }

    /** As {@link #start(Path, Path)}; with {@code dynamoInMemory} dynalite keeps no data on disk (the benchmark's option). */
    public static Sandbox start(Path sandboxDir, Path dataDir, boolean dynamoInMemory) throws IOException {
        Dynalite dynamo = dynamoInMemory
                ? Dynalite.startInMemory(sandboxDir, dataDir, DYNAMODB_PORT)
                : Dynalite.start(sandboxDir, dataDir.resolve("dynamodb"), DYNAMODB_PORT);
        S3rver s3 = S3rver.start(sandboxDir, dataDir.resolve("s3"), S3_PORT);
        GreenMail greenMail = new GreenMail(new ServerSetup(GREENMAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        SesSmtpFront smtp = SesSmtpFront.start(SMTP_PORT, GREENMAIL_PORT);
        SnsSandboxSigner snsSigner = SnsSandboxSigner.generate(snsTrustFile());
        // SNS and Graph answer with receipts of their own; an extension, so resetAll() in tests keeps it
        ProviderReceiptListener receipts =
                new ProviderReceiptListener(snsSigner, java.net.URI.create("http://127.0.0.1:9080"));
        WireMockServer wireMock = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .port(WIREMOCK_PORT)
                .containerThreads(24)
                .asynchronousResponseEnabled(false)
                .extensions(receipts));
        wireMock.start();
        installDefaultStubs(wireMock);
        Sandbox sandbox = new Sandbox(dynamo, greenMail, smtp, wireMock);
        sandbox.s3 = s3;
        sandbox.sandboxDir = sandboxDir;
        sandbox.dataDir = dataDir;
        sandbox.snsSigner = snsSigner;
        sandbox.providerReceipts = receipts;
        sandbox.sesEvents =
                new SesEventPoster(sandbox.snsSigner, java.net.URI.create("http://127.0.0.1:9080/webhooks/ses"));
        smtp.onAccepted(sandbox.sesEvents::accepted);
        return sandbox;
    }

    /** The stubs every run starts with; tests add their own with a higher priority and reset to these. */
    public static void installDefaultStubs(WireMockServer wireMock) {
        SnsStubs.install(wireMock);
        GraphApiStubs.install(wireMock);
        ChatWebhookStubs.install(wireMock);
        CustomerMessages.install(wireMock);
    }

    public WireMockServer wireMock() {
        return wireMock;
    }

    public GreenMail mail() {
        return greenMail;
    }

    public SesSmtpFront smtp() {
        return smtp;
    }

    /** Signs SNS messages as the local profile trusts them (SES and SMS receipts). */
    public SnsSandboxSigner snsSigner() {
        return snsSigner;
    }

    public Dynalite dynamo() {
        return dynamo;
    }

    /** Takes DynamoDB away, as an outage would; the data stays on disk. */
    public synchronized void stopDynamo() {
        dynamo.close();
    }

    /** Brings DynamoDB back on the same port and data. */
    public synchronized void startDynamo() throws IOException {
        dynamo = Dynalite.start(sandboxDir, dataDir.resolve("dynamodb"), DYNAMODB_PORT);
    }

    @Override
    public void close() {
        sesEvents.close();
        providerReceipts.close();
        wireMock.stop();
        smtp.close();
        greenMail.stop();
        s3.close();
        dynamo.close();
    }
}
