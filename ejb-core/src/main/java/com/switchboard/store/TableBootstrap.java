package com.switchboard.store;

import com.switchboard.error.StoreUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the single table with its GSI1, GSI2 and GSI3 indexes at start when the profile asks for it (local
 * profile), and enables TTL on {@link Retention#ATTRIBUTE}; in production the table and its TTL are
 * provisioned by infrastructure code and this does nothing.
 */
@Singleton
@Startup
@DependsOn("ProfileCheck") // a production server missing its settings reaches nothing
public class TableBootstrap {
    private static final Logger LOG = Logger.getLogger(TableBootstrap.class.getName());

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    @ConfigProperty(name = "dynamodb.create.table", defaultValue = "false")
    boolean createTable;

    @PostConstruct
    void ensureTable() {
        if (!createTable) {
            return;
        }
        // The sandbox peer may still be starting next to us: wait for it a little rather than fail the deploy.
        for (int attempt = 1; ; attempt++) {
            try {
                createIfMissing();
                enableTtl();
                return;
            } catch (SdkClientException | StoreUnavailableException e) {
                if (attempt == 30) {
                    throw e;
                }
                LOG.info(() -> "DynamoDB not reachable yet, retrying: " + e.getMessage());
                sleep();
            }
        }
    }

    private void createIfMissing() {
        try {
            var described = dynamo.describeTable(b -> b.tableName(table.name())).table();
            // a table made by an earlier release (the run command keeps its data) gets the indexes added since
            for (GlobalSecondaryIndex index : List.of(ownerIndex(), dayIndex())) {
                if (described.globalSecondaryIndexes().stream()
                        .noneMatch(i -> index.indexName().equals(i.indexName()))) {
                    addIndex(index);
                }
            }
            return;
        } catch (ResourceNotFoundException missing) {
            LOG.info(() -> "creating DynamoDB table " + table.name());
        }
        try {
            dynamo.createTable(CreateTableRequest.builder()
                    .tableName(table.name())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            attr(Table.PK),
                            attr(Table.SK),
                            attr(Table.GSI1PK),
                            attr(Table.GSI1SK),
                            attr(Table.GSI2PK),
                            attr(Table.GSI2SK),
                            attr(Table.GSI3PK),
                            attr(Table.GSI3SK))
                    .keySchema(hash(Table.PK), range(Table.SK))
                    .globalSecondaryIndexes(
                            GlobalSecondaryIndex.builder()
                                    .indexName(Table.GSI1)
                                    .keySchema(hash(Table.GSI1PK), range(Table.GSI1SK))
                                    .projection(Projection.builder()
                                            .projectionType(ProjectionType.ALL)
                                            .build())
                                    .build(),
                            ownerIndex(),
                            dayIndex())
                    .build());
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table.name()));
        } catch (ResourceInUseException raced) {
            // another server created it first
        }
    }

    /**
     * TTL on {@link Retention#ATTRIBUTE}, unless already on. dynalite has no UpdateTimeToLive (it answers
     * 400 UnknownOperationException) and never deletes expired items: the service runs the same without.
     */
    private void enableTtl() {
        try {
            var ttl = dynamo.describeTimeToLive(b -> b.tableName(table.name())).timeToLiveDescription();
            if (Retention.ATTRIBUTE.equals(ttl.attributeName())
                    && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                            || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING)) {
                return;
            }
            dynamo.updateTimeToLive(b -> b.tableName(table.name())
                    .timeToLiveSpecification(
                            s -> s.attributeName(Retention.ATTRIBUTE).enabled(true)));
            LOG.info(() -> "TTL enabled on " + Retention.ATTRIBUTE + " of DynamoDB table " + table.name());
        } catch (SdkServiceException | SdkClientException | StoreUnavailableException e) {
            LOG.info(() -> "TTL is not available on this DynamoDB endpoint, expired items stay: " + e.getMessage());
        }
    }

    /** GSI2, keys only: a chunk's moves change neither key, so they never write it. */
    private static GlobalSecondaryIndex ownerIndex() {
        return GlobalSecondaryIndex.builder()
                .indexName(Table.GSI2)
                .keySchema(hash(Table.GSI2PK), range(Table.GSI2SK))
                .projection(Projection.builder()
                        .projectionType(ProjectionType.KEYS_ONLY)
                        .build())
                .build();
    }

    /** GSI3, the tracking list's attributes only: a communication's count moves never write it. */
    private static GlobalSecondaryIndex dayIndex() {
        return GlobalSecondaryIndex.builder()
                .indexName(Table.GSI3)
                .keySchema(hash(Table.GSI3PK), range(Table.GSI3SK))
                .projection(Projection.builder()
                        .projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes(Table.GSI3_PROJECTION)
                        .build())
                .build();
    }

    private void addIndex(GlobalSecondaryIndex index) {
        LOG.info(() -> "adding index " + index.indexName() + " to DynamoDB table " + table.name());
        String pk = index.keySchema().get(0).attributeName();
        String sk = index.keySchema().get(1).attributeName();
        try {
            dynamo.updateTable(b -> b.tableName(table.name())
                    .attributeDefinitions(attr(pk), attr(sk))
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .create(CreateGlobalSecondaryIndexAction.builder()
                                    .indexName(index.indexName())
                                    .keySchema(index.keySchema())
                                    .projection(index.projection())
                                    .build())
                            .build()));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table.name()));
            if (dynamo.describeTable(b -> b.tableName(table.name())).table().globalSecondaryIndexes().stream()
                    .noneMatch(i -> index.indexName().equals(i.indexName()))) {
                // dynalite answers the update but never adds an index to a table it holds
                LOG.warning(() -> "this DynamoDB endpoint did not add index " + index.indexName() + " to the table "
                        + table.name()
                        + " made by an earlier release; delete the local DynamoDB data (the sandbox's dynamodb directory)"
                        + " so the table is made anew with it");
            }
        } catch (SdkServiceException e) {
            // the service runs; only what reads the index (takeover, the tracking list) lacks it
            LOG.warning(() -> "could not add index " + index.indexName() + ": " + e.getMessage());
        }
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.RANGE)
                .build();
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
