package it.health;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operators and load balancers see whether the server can take sends. */
@ExtendWith(Switchboard.class)
class HealthIT {

    @Test
    void readinessReportsDynamoDbAndEveryChannelsCircuit() {
        Api.Reply ready = Api.anonymous().get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"dynamodb\"") && ready.body().contains("\"ACTIVE\""), ready.body());
        assertTrue(ready.body().contains("\"Email\"") && ready.body().contains("circuit closed"), ready.body());
        assertEquals(200, Api.anonymous().get("/health/live").status(), "alive");
    }

    @Test
    void theServerTurnsNotReadyWhileDynamoDbIsDownAndReadyWhenItReturns() throws Exception {
        Switchboard.sandbox().stopDynamo();
        try {
            await().atMost(Duration.ofSeconds(20)).alias("not ready without DynamoDB")
                    .until(() -> Api.anonymous().get("/health/ready").status() == 503);
            Api.Reply refused = Api.as("csr").post("/communications/send", """
                    {"message":{"subject":"Hi","content":"Hello"},"recipients":[{"channel":"Email","address":"down@example.com"}]}""");
            assertEquals(503, refused.status(), "a send is refused, not lost: " + refused.body());
            assertTrue(refused.header("Retry-After") != null, "the client is told when to retry");
        } finally {
            Switchboard.sandbox().startDynamo();
        }
        await().atMost(Duration.ofSeconds(20)).alias("ready again").until(() -> Api.anonymous().get("/health/ready").status() == 200);
    }
}
