package com.switchboard.document;

import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Document references as one DynamoDB attribute, a list of maps ({@code id}, {@code filename},
 * {@code contentType}, {@code size}), as the communication's {@code DETAILS} and in-app notes keep
 * them: a few hundred bytes on an item written anyway, never a request of its own.
 */
public final class Attachments {
    private Attachments() {}

    public static AttributeValue attribute(List<DocumentRef> refs) {
        return AttributeValue.fromL(refs.stream()
                .map(r -> AttributeValue.fromM(Map.of(
                        "id", s(r.id()),
                        "filename", s(r.filename()),
                        "contentType", s(r.contentType()),
                        "size", n(r.size()))))
                .toList());
    }

    /** The references an attribute holds; none when it is absent. */
    public static List<DocumentRef> of(AttributeValue attribute) {
        if (attribute == null || !attribute.hasL()) {
            return List.of();
        }
        return attribute.l().stream()
                .map(AttributeValue::m)
                .map(m -> new DocumentRef(str(m, "id"), str(m, "filename"), str(m, "contentType"), num(m, "size")))
                .toList();
    }
}
