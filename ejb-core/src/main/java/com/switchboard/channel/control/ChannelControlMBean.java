package com.switchboard.channel.control;

/**
 * What an operator sees and does per channel over JMX ({@code com.switchboard:type=Channel,name=<Channel>},
 * JConsole, Admin Center or the REST connector). Pausing holds the channel's messages on its queue
 * (the consumer stops taking them); resuming lets them go in order.
 */
public interface ChannelControlMBean {

    /** Whether this server's consumer of the channel is paused. */
    boolean isPaused();

    /** Tickets (recipients) waiting on the channel's JMS queue, however many chunk messages carry them. */
    long getQueueDepth();

    /** Tickets of this channel parked on the dead-letter queue after the redelivery limit. */
    long getDeadLetterDepth();

    /** Holds the channel's messages on every server (the state is stored in DynamoDB). */
    void pause();

    /** Lets the held messages go on every server. */
    void resume();

    /** Moves the channel's dead-lettered tickets back to its queue; returns how many were moved. */
    int replayDeadLetters();
}
