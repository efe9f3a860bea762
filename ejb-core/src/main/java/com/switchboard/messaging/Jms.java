package com.switchboard.messaging;

import com.switchboard.metering.CostMeter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The one way Switchboard uses its queues and topic: a context per call (the container pools the
 * connections), the caller composing, sending or browsing in it, and a checked {@link JMSException}
 * turned into a {@link JMSRuntimeException} that says what could not be done.
 * {@link #send} joins the caller's JTA transaction when there is one (a consumer's: sent only if it
 * commits); {@link #sendAllOrNothing} commits a local transaction of its own before it returns.
 */
@ApplicationScoped
public class Jms {

    /** Builds and sends the messages of one call. */
    @FunctionalInterface
    public interface Composer {
        void send(JMSContext context, JMSProducer producer) throws JMSException;
    }

    @Resource(lookup = "jms/switchboard")
    ConnectionFactory connectionFactory;

    @Inject
    CostMeter meter;

    /** Looked up on first use, not injected: deployments without the push topic (component tests) need none. */
    private volatile ConnectionFactory pushFactory;

    /** Sends in the caller's transaction, if any; {@code what} completes "could not …" in the error. */
    public void send(String what, Composer composer) {
        send(connectionFactory, what, composer);
    }

    private static void send(ConnectionFactory factory, String what, Composer composer) {
        withContext(factory, what, context -> {
            composer.send(context, context.createProducer());
            return null;
        });
    }

    /**
     * Publishes on the in-app push topic's engine ({@code jms/push}: this server's own, or with two or
     * more servers the one engine they all name in {@code push.engine.address}), in the caller's
     * transaction if any. An engine that cannot be reached fails the call at once, before it joins
     * the transaction.
     */
    public void publishForPush(String what, Composer composer) {
        ConnectionFactory push = pushFactory;
        if (push == null) {
            try {
                push = InitialContext.doLookup("jms/push");
            } catch (NamingException e) {
                throw new JMSRuntimeException("could not " + what + ": no jms/push connection factory");
            }
            pushFactory = push;
        }
        send(push, what, composer);
    }

    /** Sends in a local transaction: every message, committed when this returns, or none and an exception. */
    public void sendAllOrNothing(String what, Composer composer) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            try {
                composer.send(context, context.createProducer());
                context.commit();
                meter.jmsCommitted();
            } catch (JMSException e) {
                context.rollback();
                throw new JMSRuntimeException("could not " + what + ": " + e.getMessage(), e.getErrorCode(), e);
            } catch (RuntimeException e) {
                context.rollback();
                throw e;
            }
        }
    }

    /** Work on the queues that answers something (browsing, receiving). */
    @FunctionalInterface
    public interface Work<T> {
        T run(JMSContext context) throws JMSException;
    }

    /**
     * Runs {@code work} in a context of its own, in the caller's JTA transaction if there is one (what
     * it receives is then consumed only if that commits); {@code what} completes "could not …".
     */
    public <T> T withContext(String what, Work<T> work) {
        return withContext(connectionFactory, what, work);
    }

    private static <T> T withContext(ConnectionFactory factory, String what, Work<T> work) {
        try (JMSContext context = factory.createContext()) {
            return work.run(context);
        } catch (JMSException e) {
            throw new JMSRuntimeException("could not " + what + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Copies the named properties {@code from} has onto {@code to}. */
    public static void copyProperties(Message from, Message to, Iterable<String> names) throws JMSException {
        for (String name : names) {
            if (from.propertyExists(name)) {
                to.setObjectProperty(name, from.getObjectProperty(name));
            }
        }
    }
}
