package com.switchboard.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookDeliveryServiceTest {

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        WebhookDeliveryService s = new WebhookDeliveryService();
        s.retryDelayMillis = 5_000;
        s.maxRetryDelayMillis = 3_600_000;
        assertEquals(Duration.ofSeconds(5), s.delay(1), "first retry after the base delay");
        assertEquals(Duration.ofSeconds(10), s.delay(2), "then doubled");
        assertEquals(Duration.ofSeconds(40), s.delay(4), "and doubled again");
        assertEquals(Duration.ofHours(1), s.delay(15), "capped");
        assertEquals(Duration.ofHours(1), s.delay(200), "no overflow on a long run");
    }
}
