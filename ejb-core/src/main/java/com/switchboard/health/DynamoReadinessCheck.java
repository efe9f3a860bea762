package com.switchboard.health;

import com.switchboard.error.StoreUnavailableException;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Ready only while DynamoDB answers for our table: without it no send can be accepted, so a load
 * balancer should send traffic elsewhere.
 */
@Readiness
@ApplicationScoped
public class DynamoReadinessCheck implements HealthCheck {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Override
    public HealthCheckResponse call() {
        try {
            String status =
                    dynamo.describeTable(b -> b.tableName(table.name())).table().tableStatusAsString();
            return HealthCheckResponse.named("dynamodb")
                    .status("ACTIVE".equals(status))
                    .withData("table", table.name())
                    .withData("status", status)
                    .build();
        } catch (SdkException | StoreUnavailableException e) {
            return HealthCheckResponse.named("dynamodb")
                    .down()
                    .withData("table", table.name())
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
