package sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The sandbox peers of the local profile: dynalite as DynamoDB on 127.0.0.1:8000 and GreenMail
 * behind an SES-like SMTP front on 127.0.0.1:3025 (GreenMail itself on 3026). The ports are the
 * local profile's defaults in src-config/configDropins/profiles/local.xml.
 */
public final class Sandbox implements AutoCloseable {
    public static final int DYNAMODB_PORT = 8000;
    public static final int SMTP_PORT = 3025;
    public static final int GREENMAIL_PORT = 3026;

    private final Dynalite dynamo;
    private final GreenMail greenMail;
    private final SesSmtpFront smtp;

    private Sandbox(Dynalite dynamo, GreenMail greenMail, SesSmtpFront smtp) {
        this.dynamo = dynamo;
        this.greenMail = greenMail;
        this.smtp = smtp;
    }

    public static Sandbox start(Path sandboxDir, Path dataDir) throws IOException {
        Dynalite dynamo = Dynalite.start(sandboxDir, dataDir.resolve("dynamodb"), DYNAMODB_PORT);
        GreenMail greenMail = new GreenMail(new ServerSetup(GREENMAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        SesSmtpFront smtp = SesSmtpFront.start(SMTP_PORT, GREENMAIL_PORT);
        return new Sandbox(dynamo, greenMail, smtp);
    }

    public GreenMail mail() {
        return greenMail;
    }

    public SesSmtpFront smtp() {
        return smtp;
    }

    public Dynalite dynamo() {
        return dynamo;
    }

    @Override
    public void close() {
        smtp.close();
        greenMail.stop();
        dynamo.close();
    }
}
