package com.switchboard.channel.control;

import com.switchboard.channel.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Pauses and resumes a channel's MDB through Liberty's own endpoint control (the MBean behind
 * {@code server pause --target=switchboard#ejb-core.jar#SmsConsumer}): a paused message endpoint
 * is deactivated, so its queue keeps every message, delayed retries included, until it resumes.
 * Reached by name on the platform MBean server, so nothing compiles against Liberty classes.
 */
@ApplicationScoped
public class MessageEndpoints {
    static final String ENDPOINT_CONTROL = "WebSphere:feature=kernel,name=ServerEndpointControl";
    private static final String[] ONE_STRING = {String.class.getName()};
    private static final Map<Channel, String> CONSUMERS = Map.of(
            Channel.Email,
            "EmailConsumer",
            Channel.SMS,
            "SmsConsumer",
            Channel.WhatsApp,
            "WhatsAppConsumer",
            Channel.InApp,
            "InAppConsumer",
            Channel.Internal,
            "InternalConsumer");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Set<Channel> pausedHere = ConcurrentHashMap.newKeySet();

    public void pause(Channel channel) {
        invoke("pause", target(channel));
        pausedHere.add(channel);
    }

    public void resume(Channel channel) {
        invoke("resume", target(channel));
        pausedHere.remove(channel);
    }

    /**
     * Whether this application paused the channel's endpoint (and has not resumed it since). Liberty
     * also holds every endpoint paused while the server starts; that pause is not ours to lift.
     */
    public boolean pausedHere(Channel channel) {
        return pausedHere.contains(channel);
    }

    public boolean paused(Channel channel) {
        return Boolean.TRUE.equals(invoke("isPaused", target(channel)));
    }

    /** The endpoint's name as Liberty lists it, {@code <application>#<module>#<bean>}. */
    String target(Channel channel) {
        String suffix = "#" + CONSUMERS.get(channel);
        try {
            @SuppressWarnings("unchecked")
            List<String> endpoints = (List<String>) server.invoke(
                    ObjectName.getInstance(ENDPOINT_CONTROL), "listEndpoints", new Object[0], new String[0]);
            return endpoints.stream()
                    .filter(e -> e.endsWith(suffix))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the message endpoint of " + channel + " ("
                            + CONSUMERS.get(channel) + ") is not active yet; endpoints: " + endpoints));
        } catch (JMException e) {
            throw new IllegalStateException("Liberty's endpoint control is unavailable: " + e, e);
        }
    }

    private Object invoke(String operation, String target) {
        try {
            return server.invoke(
                    ObjectName.getInstance(ENDPOINT_CONTROL), operation, new Object[] {target}, ONE_STRING);
        } catch (JMException e) {
            throw new IllegalStateException(operation + " of message endpoint " + target + " failed: " + e, e);
        }
    }
}
