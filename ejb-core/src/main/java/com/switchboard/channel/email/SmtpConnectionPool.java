package com.switchboard.channel.email;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Open SMTP connections kept for reuse: a new connection costs a TCP and SMTP handshake (about
 * 50 ms against a local peer, more with STARTTLS and AUTH against SES), a reused one nothing.
 * Connections idle longer than the server would keep them are closed instead of reused; one idle
 * for more than a second is checked with a NOOP first. One given back moments ago is reused without
 * that round trip (at full load the pool turns over every few milliseconds, and the NOOP was an
 * extra request per email): should it have died meanwhile, the send fails before DATA, the
 * connection is discarded and the provider's retry takes a fresh one.
 */
@ApplicationScoped
public class SmtpConnectionPool {
    private static final long MAX_IDLE_MILLIS = 10_000;
    private static final long CHECK_AFTER_IDLE_MILLIS = 1_000;
    /** As many as the provider's bulkhead lets send at once, so no busy sender opens a new connection. */
    private static final int MAX_POOLED = 32;

    private record Idle(Transport transport, long since) {}

    @Resource(lookup = "mail/switchboard")
    Session session;

    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();

    public Session session() {
        return session;
    }

    public Transport borrow() throws MessagingException {
        for (Idle i = idle.pollFirst(); i != null; i = idle.pollFirst()) {
            long idleFor = System.currentTimeMillis() - i.since();
            if (idleFor < CHECK_AFTER_IDLE_MILLIS
                    || idleFor < MAX_IDLE_MILLIS && i.transport().isConnected()) {
                return i.transport();
            }
            close(i.transport());
        }
        Transport transport = session.getTransport();
        transport.connect();
        return transport;
    }

    public void giveBack(Transport transport) {
        if (idle.size() < MAX_POOLED) {
            idle.offerFirst(new Idle(transport, System.currentTimeMillis()));
        } else {
            close(transport);
        }
    }

    /** A connection that failed mid-conversation is never reused. */
    public void discard(Transport transport) {
        close(transport);
    }

    @PreDestroy
    void closeAll() {
        idle.forEach(i -> close(i.transport()));
        idle.clear();
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // closing a broken connection: nothing left to do
        }
    }
}
