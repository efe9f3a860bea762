package com.switchboard.channel;

/** What one queued JMS message carries: which recipient of which communication to deliver. */
public record DeliveryTicket(String communicationId, int recipientIndex, Channel channel) {
    public static final String COMMUNICATION_ID = "communicationId";
    public static final String RECIPIENT_INDEX = "recipientIndex";
}
