package com.switchboard.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The single table's name and key attribute names, shared by every store. */
@ApplicationScoped
public class Table {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    /** Keys only: which server's queue holds the tickets of a recipient chunk ({@code OWNER#<server>#<shard>}). */
    public static final String GSI2 = "GSI2";

    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";
    /**
     * The communications of a day ({@code COMMS#<day>#<shard>} / {@code <createdAt>#<id>}), projecting
     * only what the tracking list filters on and shows: the count moves of a send (most of its
     * writes) change none of it, so they never write the index.
     */
    public static final String GSI3 = "GSI3";

    public static final String GSI3PK = "GSI3PK";
    public static final String GSI3SK = "GSI3SK";
    public static final List<String> GSI3_PROJECTION = List.of(
            "communicationId",
            "status",
            "channels",
            "customerId",
            "vehicleId",
            "createdAt",
            "scheduledAt",
            "sentAt",
            "correlationId",
            "createdBy");

    @Inject
    @ConfigProperty(name = "dynamodb.table", defaultValue = "switchboard")
    String name;

    public String name() {
        return name;
    }
}
