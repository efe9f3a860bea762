package com.switchboard.channel;

/** What one queued JMS message carries: which recipient of which communication to deliver. */
public record DeliveryTicket(String communicationId, int recipientIndex, Channel channel) {
    public static final String COMMUNICATION_ID = "communicationId";
    public static final String RECIPIENT_INDEX = "recipientIndex";
    /** Which attempt a ticket is: 1 when first queued, more when queued again after a transient failure. */
    public static final String ATTEMPT = "attempt";
}
