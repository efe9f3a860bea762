package com.switchboard.analytics;

import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.communication.RecipientStatus;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One recipient status change as analytics counts it, read from the recipient item as it is after
 * the move (the store's conditional update returns it, so recording costs no extra read).
 * {@code fallback} is true for a recipient added as a fallback for another channel.
 */
public record RecipientMove(
        Channel channel,
        RecipientStatus from,
        RecipientStatus to,
        String reason,
        String sentAt,
        String deliveredAt,
        String at,
        int segments,
        boolean fallback) {

    public static RecipientMove of(RecipientStatus from, RecipientStatus to, Map<String, AttributeValue> item) {
        String rule = str(item, "rule");
        boolean fallback = item.containsKey("fallbackFrom")
                || (rule != null && rule.toLowerCase().startsWith("fallback"));
        return new RecipientMove(
                Channel.parse(str(item, "channel")).orElse(null),
                from,
                to,
                str(item, "reason"),
                str(item, "sentAt"),
                str(item, "deliveredAt"),
                str(item, "updatedAt"),
                item.containsKey("segments") ? (int) num(item, "segments") : 1,
                fallback);
    }
}
