package it.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
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

    // Not ready while DynamoDB is down, and ready again after: it.reliability.DynamoOutageIT, which runs last.
}
