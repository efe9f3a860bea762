package component.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.Channel;
import com.switchboard.channel.control.JmsChannelQueues;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.messaging.Jms;
import com.switchboard.metering.CostMeter;
import component.Poll;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: a ticket whose consumer fails every delivery is delivered exactly
 * {@code jms.max.redelivery} times, then the messaging engine moves it, body and properties intact, to
 * the {@code deadletter} queue, where the operators' code ({@link JmsChannelQueues}: the channel's
 * dead-letter depth and replay, behind the ChannelControl MBean) finds it by its queue. The queue is
 * configured as in production server.xml (same attributes and variables; the components server sets
 * {@code jms.max.redelivery=3}). The failing consumer is a test MDB ({@link FailingSmsConsumer}):
 * {@code SmsConsumer}'s pipeline needs the whole application; its own parking on the last delivery is
 * left to the whole-EAR suite.
 *
 * <p>Run alone: {@code mvn -B -ntp -o verify -pl ear -am -Dear.it.skip=true -Dcomponent.test=DeadLetterRedeliveryIT}
 */
@ExtendWith(ArquillianExtension.class)
class DeadLetterRedeliveryIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "dead-letter.war")
                .addClasses(FailingSmsConsumer.class, FailingSmsConsumer.Seen.class, Poll.class)
                // JmsChannelQueues works through messaging.Jms, which counts what it sends (CostMeter, mpMetrics)
                .addClasses(
                        JmsChannelQueues.class,
                        Channel.class,
                        DeliveryTicket.class,
                        Jms.class,
                        Jms.Composer.class,
                        Jms.Work.class,
                        CostMeter.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    JmsChannelQueues queues;

    @Test
    void aTicketFailingEveryDeliveryIsDeadLetteredAfterTheRedeliveryLimitAndCanBeReplayed() throws Exception {
        int maxRedelivery = ConfigProvider.getConfig().getValue("jms.max.redelivery", Integer.class);
        assertEquals(3, maxRedelivery, "the components server's jms.max.redelivery");
        ConnectionFactory cf = InitialContext.doLookup("jms/switchboard");
        Queue sms = InitialContext.doLookup("jms/queue/sms");
        Queue deadLetters = InitialContext.doLookup("jms/queue/deadletter");
        String communicationId = "c-" + UUID.randomUUID();
        String body = "poison ticket " + communicationId + " ✓";
        // the engine's file store outlives a run: start from an empty dead-letter queue
        drain(cf, deadLetters);
        assertEquals(0, queues.deadLetterDepth(Channel.SMS));

        try (JMSContext context = cf.createContext()) {
            TextMessage ticket = context.createTextMessage(body);
            ticket.setStringProperty(DeliveryTicket.COMMUNICATION_ID, communicationId);
            ticket.setIntProperty(DeliveryTicket.RECIPIENT_INDEX, 7);
            ticket.setIntProperty(DeliveryTicket.ATTEMPT, 1);
            context.createProducer().send(sms, ticket);
        }

        assertTrue(
                Poll.until(Duration.ofSeconds(20), () -> queues.deadLetterDepth(Channel.SMS) == 1),
                "dead-lettered; deliveries seen: " + FailingSmsConsumer.deliveriesOf(communicationId));
        Thread.sleep(500); // a delivery beyond the limit would show up by now (redelivery interval 100 ms)
        assertEquals(
                List.of(1, 2, 3),
                FailingSmsConsumer.deliveriesOf(communicationId),
                "JMSXDeliveryCount of each delivery: exactly jms.max.redelivery, none after the move");

        String parkedId;
        try (JMSContext context = cf.createContext();
                QueueBrowser browser =
                        context.createBrowser(deadLetters, "communicationId = '" + communicationId + "'")) {
            List<?> parked = Collections.list((Enumeration<?>) browser.getEnumeration());
            assertEquals(1, parked.size());
            TextMessage m = (TextMessage) parked.get(0);
            parkedId = m.getJMSMessageID();
            assertEquals(body, m.getText());
            assertEquals(7, m.getIntProperty(DeliveryTicket.RECIPIENT_INDEX));
            assertEquals("sms", m.getStringProperty("JMS_IBM_ExceptionProblemDestination"));
            assertNotNull(m.getStringProperty("JMS_IBM_ExceptionMessage"), "the engine's reason for the move");
        }
        assertEquals(0, queues.depth(Channel.SMS), "nothing left on the sms queue");

        // replay puts the ticket (its properties, as tickets carry no body) back; still poison, it comes back.
        // First the operator's choice: only the dead letters ticked (by message id) move
        assertEquals(0, queues.replay(Channel.SMS, List.of("ID:not-parked")), "an id that is not parked moves nothing");
        assertEquals(1, queues.deadLetterDepth(Channel.SMS));
        assertEquals(1, queues.replay(Channel.SMS, List.of(parkedId)));
        assertTrue(
                Poll.until(
                        Duration.ofSeconds(20),
                        () -> FailingSmsConsumer.deliveriesOf(communicationId).size() == 6
                                && queues.deadLetterDepth(Channel.SMS) == 1),
                "replayed, redelivered and dead-lettered again: " + FailingSmsConsumer.deliveriesOf(communicationId));
        assertEquals(List.of(1, 2, 3, 1, 2, 3), FailingSmsConsumer.deliveriesOf(communicationId));
        // then all of the channel's
        assertEquals(1, queues.replay(Channel.SMS));
        assertTrue(
                Poll.until(
                        Duration.ofSeconds(20),
                        () -> FailingSmsConsumer.deliveriesOf(communicationId).size() == 9
                                && queues.deadLetterDepth(Channel.SMS) == 1),
                "replayed again: " + FailingSmsConsumer.deliveriesOf(communicationId));
        drain(cf, deadLetters);
    }

    private static void drain(ConnectionFactory cf, Queue queue) {
        try (JMSContext context = cf.createContext();
                JMSConsumer consumer = context.createConsumer(queue)) {
            for (Message m = consumer.receive(200); m != null; m = consumer.receive(200)) {
                // discarded
            }
        }
    }
}
