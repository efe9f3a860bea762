package com.switchboard.channel.whatsapp;

import com.switchboard.template.ProviderTemplate;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The body of {@code POST /{version}/{phone-number-id}/messages}: a free-form {@code text} message
 * (only inside the 24-hour customer-service window), a {@code document} or {@code image} sent by link
 * (likewise), or an approved {@code template}. Null parts are
 * left out of the JSON. {@code to} is the E.164 number with its '+': the Cloud API documentation
 * recommends the plus and country code, and without the plus it would prepend the business number's
 * own country code. {@code biz_opaque_callback_data} carries our delivery id, which Meta echoes in
 * every status webhook of the message, so a status names its recipient without a lookup.
 */
public record SendMessageRequest(
        @JsonbProperty("messaging_product") String messagingProduct,
        @JsonbProperty("recipient_type") String recipientType,
        String to,
        String type,
        Text text,
        Template template,
        Media document,
        Media image,
        @JsonbProperty("biz_opaque_callback_data") String callbackData) {

    /** A document or image sent by link (Graph fetches it from there); {@code filename} for documents only. */
    public record Media(String link, String filename, String caption) {}

    public record Text(
            String body, @JsonbProperty("preview_url") boolean previewUrl) {}

    public record Template(String name, Language language, List<Component> components) {}

    public record Language(String code) {}

    public record Component(String type, List<Parameter> parameters) {}

    public record Parameter(String type, String text) {}

    public static SendMessageRequest text(String to, String body, String callbackData) {
        return new SendMessageRequest(
                "whatsapp", "individual", to, "text", new Text(body, false), null, null, null, callbackData);
    }

    /** A {@code document} message ({@code image} for an image) linking to {@code link}. */
    public static SendMessageRequest media(
            String to, boolean image, String link, String filename, String callbackData) {
        return image
                ? new SendMessageRequest(
                        "whatsapp",
                        "individual",
                        to,
                        "image",
                        null,
                        null,
                        null,
                        new Media(link, null, null),
                        callbackData)
                : new SendMessageRequest(
                        "whatsapp",
                        "individual",
                        to,
                        "document",
                        null,
                        null,
                        new Media(link, filename, null),
                        null,
                        callbackData);
    }

    public static SendMessageRequest template(String to, ProviderTemplate template, String callbackData) {
        List<Component> components = template.parameters().isEmpty()
                ? null
                : List.of(new Component(
                        "body",
                        template.parameters().stream()
                                .map(p -> new Parameter("text", p))
                                .toList()));
        return new SendMessageRequest(
                "whatsapp",
                "individual",
                to,
                "template",
                null,
                new Template(template.name(), new Language(template.language()), components),
                null,
                null,
                callbackData);
    }
}
