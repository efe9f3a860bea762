package component.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A consumer of the {@code sms} queue that fails every delivery (a runtime exception, so the container
 * rolls the receipt back) and remembers each delivery it saw. Stands in for {@code SmsConsumer}, whose
 * pipeline needs the whole application; activation spec {@code dead-letter/FailingSmsConsumer} in the
 * components server.
 */
@MessageDriven(
        name = "FailingSmsConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class FailingSmsConsumer implements MessageListener {

    /** One delivery: the ticket's communication id and the message's {@code JMSXDeliveryCount}. */
    public record Seen(String communicationId, int deliveryCount) {}

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(Message message) {
        try {
            SEEN.add(new Seen(
                    message.getStringProperty("communicationId"), message.getIntProperty("JMSXDeliveryCount")));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("poison ticket: this consumer fails every delivery");
    }

    static List<Integer> deliveriesOf(String communicationId) {
        return SEEN.stream()
                .filter(s -> communicationId.equals(s.communicationId()))
                .map(Seen::deliveryCount)
                .toList();
    }
}
