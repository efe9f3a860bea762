package com.switchboard.channel.control;

import com.switchboard.channel.Channel;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** The MBean of one channel: every call goes to {@link ChannelOperations}, an EJB, so it runs with the application's context. */
public class ChannelControl implements ChannelControlMBean {
    private final Channel channel;
    private final ChannelOperations operations;

    ChannelControl(Channel channel, ChannelOperations operations) {
        this.channel = channel;
        this.operations = operations;
    }

    /** {@code com.switchboard:type=Channel,name=SMS}: the channel's API spelling. */
    public static ObjectName objectName(Channel channel) {
        try {
            return ObjectName.getInstance("com.switchboard:type=Channel,name=" + channel.name());
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("no MBean name for channel " + channel, e);
        }
    }

    @Override
    public boolean isPaused() {
        return operations.paused(channel);
    }

    @Override
    public long getQueueDepth() {
        return operations.queueDepth(channel);
    }

    @Override
    public long getDeadLetterDepth() {
        return operations.deadLetterDepth(channel);
    }

    @Override
    public void pause() {
        operations.pause(channel);
    }

    @Override
    public void resume() {
        operations.resume(channel);
    }

    @Override
    public int replayDeadLetters() {
        return operations.replayDeadLetters(channel);
    }
}
