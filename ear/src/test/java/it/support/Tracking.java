package it.support;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;

/** Reads communications back through the API the way a CSR tracks them. */
public final class Tracking {
    private static final Api CSR = Api.as("csr");

    private Tracking() {}

    public static JsonObject communication(String id) {
        return CSR.get("/communications/" + id).json();
    }

    /** Waits until recipient {@code index} of the communication reaches {@code status}; returns it. */
    public static JsonObject awaitRecipient(String id, int index, String status) {
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .alias("recipient " + index + " of " + id + " becomes " + status)
                .until(() -> {
                    last[0] = communication(id).getJsonArray("recipients").getJsonObject(index);
                    return status.equals(last[0].getString("status"));
                });
        return last[0];
    }

    /**
     * Waits until the provider took recipient {@code index}: Sent, or already Delivered when the
     * sandbox's receipt came first. Returns it.
     */
    public static JsonObject awaitRecipientAccepted(String id, int index) {
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .alias("recipient " + index + " of " + id + " is accepted by its provider")
                .until(() -> {
                    last[0] = communication(id).getJsonArray("recipients").getJsonObject(index);
                    String status = last[0].getString("status");
                    return "Sent".equals(status) || "Delivered".equals(status);
                });
        return last[0];
    }

    /** Sends as a CSR and returns the communication id, failing unless the answer is 202. */
    public static String send(String json) {
        Api.Reply r = CSR.post("/communications/send", json);
        if (r.status() != 202) {
            throw new AssertionError("send not accepted: " + r.status() + " " + r.body());
        }
        return r.json().getString("communicationId");
    }
}
