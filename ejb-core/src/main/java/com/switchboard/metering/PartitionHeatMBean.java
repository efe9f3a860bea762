package com.switchboard.metering;

/**
 * Where the DynamoDB requests of this server land, per partition key value of the table and of each
 * index, over JMX ({@value #OBJECT_NAME}; registered only while {@code dynamodb.meter.partitions}
 * is on). See {@link PartitionHeat} for how requests are counted.
 */
public interface PartitionHeatMBean {
    String OBJECT_NAME = "com.switchboard:type=PartitionHeat";

    /** Starts a new window: every count back to 0 (the index keys learned per item are kept). */
    void reset();

    /**
     * The window so far as JSON: per target ({@code table}, {@code GSI1}, {@code GSI2}, and any other
     * index queried) its total writes, reads, items read, unattributed index writes, distinct key
     * values, and the {@code n} key values with the most writes and with the most reads.
     */
    String top(int n);
}
