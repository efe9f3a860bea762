package com.switchboard.channel.inapp;

import com.switchboard.document.DocumentRef;
import com.switchboard.messaging.Jms;
import com.switchboard.metering.CostMeter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the notes of a delivery chunk as one message on the {@code jms/topic/notifications} topic, to which every server
 * subscribes ({@link NotificationTopicConsumer}) and pushes to its own local sockets: a user
 * connected to server A gets what server B delivered, since all servers publish and subscribe on one
 * engine ({@code push.engine.address}). Non-persistent with a short time to live,
 * because a push is only a shortcut; the inbox is the record.
 * <p>
 * Inside the delivering MDB's transaction the publish is enlisted and happens at commit, that is
 * after the recipient was recorded {@code Sent}, so an immediate client ack finds it {@code Sent}.
 */
@ApplicationScoped
public class JmsTopicNotificationPush implements NotificationPush {
    private static final long TIME_TO_LIVE_MS = 60_000;
    private static final Jsonb ATTACHMENTS = JsonbBuilder.create();
    private static final Type REFS = new ArrayList<DocumentRef>() {
        private static final long serialVersionUID = 1L;
    }.getClass().getGenericSuperclass();

    @Resource(lookup = "jms/topic/notifications")
    Topic notifications;

    @Inject
    CostMeter meter;

    @Inject
    Jms jms;

    @Override
    public void push(List<InboxNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        jms.publishForPush("publish " + notes.size() + " notes", (context, producer) -> {
            MapMessage m = context.createMapMessage();
            m.setInt("notes", notes.size());
            for (int i = 0; i < notes.size(); i++) {
                InboxNote note = notes.get(i);
                m.setString("userId." + i, note.userId());
                m.setString("id." + i, note.id());
                m.setString("communicationId." + i, note.communicationId());
                m.setInt("recipientIndex." + i, note.recipientIndex());
                m.setString("subject." + i, note.subject());
                m.setString("text." + i, note.text());
                m.setString("createdAt." + i, note.createdAt());
                m.setString("state." + i, note.state().name());
                if (!note.attachments().isEmpty()) {
                    m.setString("attachments." + i, ATTACHMENTS.toJson(note.attachments()));
                }
            }
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setTimeToLive(TIME_TO_LIVE_MS)
                    .send(notifications, m);
        });
        meter.jmsSent("notifications", 1);
    }

    private static List<DocumentRef> attachments(String json) {
        return json == null ? List.of() : ATTACHMENTS.fromJson(json, REFS);
    }

    /** The notes a message published by {@link #push} carries. */
    static List<InboxNote> read(Message message) throws JMSException {
        MapMessage m = (MapMessage) message;
        List<InboxNote> notes = new ArrayList<>();
        for (int i = 0; i < m.getInt("notes"); i++) {
            notes.add(new InboxNote(
                    m.getString("userId." + i),
                    m.getString("id." + i),
                    m.getString("communicationId." + i),
                    m.getInt("recipientIndex." + i),
                    m.getString("subject." + i),
                    m.getString("text." + i),
                    m.getString("createdAt." + i),
                    NoteState.valueOf(m.getString("state." + i)),
                    null,
                    null,
                    attachments(m.getString("attachments." + i))));
        }
        return notes;
    }
}
