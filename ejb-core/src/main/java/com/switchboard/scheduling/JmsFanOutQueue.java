package com.switchboard.scheduling;

import com.switchboard.messaging.Jms;
import com.switchboard.metering.CostMeter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * Puts one message per fan-out chunk of a communication on {@code jms/queue/fanout}, all in one
 * local JMS transaction, so a big send is either wholly handed over or not at all. Runs outside
 * any JTA transaction (request thread, timer) so the commit has happened when it returns.
 */
@ApplicationScoped
public class JmsFanOutQueue {
    static final String COMMUNICATION_ID = "communicationId";
    static final String CHUNK = "chunk";

    @Resource(lookup = "jms/queue/fanout")
    Queue fanout;

    @Inject
    CostMeter meter;

    @Inject
    Jms jms;

    public void enqueue(String communicationId, int chunks) {
        jms.sendAllOrNothing("queue the fan-out of " + communicationId, (context, producer) -> {
            for (int chunk = 0; chunk < chunks; chunk++) {
                Message m = context.createMessage();
                m.setStringProperty(COMMUNICATION_ID, communicationId);
                m.setIntProperty(CHUNK, chunk);
                producer.send(fanout, m);
            }
        });
        meter.jmsSent("fanout", chunks);
    }
}
