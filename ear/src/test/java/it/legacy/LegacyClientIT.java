package it.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.client.ApiClient;
import it.client.ApiException;
import it.client.api.CommunicationsApi;
import it.client.api.EventWebhooksApi;
import it.client.api.PreferencesApi;
import it.client.api.SendApi;
import it.client.model.ChannelPreference;
import it.client.model.CommunicationView;
import it.client.model.Message;
import it.client.model.Preferences;
import it.client.model.Recipient;
import it.client.model.SendAccepted;
import it.client.model.SendRequest;
import it.client.model.WebhookRequest;
import it.support.Api;
import it.support.Switchboard;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A legacy system's view: a Java client generated at build time from the API document
 * (openapi-generator, {@code native} library) sends, tracks, keeps preferences in the story's
 * shape and registers a webhook, with nothing but the document to go on.
 */
@ExtendWith(Switchboard.class)
class LegacyClientIT {

    @Test
    void aGeneratedClientSendsTracksKeepsPreferencesAndRegistersAWebhook() throws Exception {
        ApiClient legacy = client("integration");
        String address = "legacy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SendAccepted accepted = new SendApi(legacy)
                .send(SendApi.APISendRequest.newBuilder()
                        .sendRequest(new SendRequest()
                                .correlationId("erp-4711")
                                .message(new Message()
                                        .subject("Your car is ready")
                                        .content("Pick it up from 5 pm."))
                                .recipients(
                                        List.of(new Recipient().channel("Email").address(address))))
                        .idempotencyKey("erp-4711-" + UUID.randomUUID())
                        .build());
        assertEquals("erp-4711", accepted.getCorrelationId(), "the reference comes back");

        CommunicationsApi communications = new CommunicationsApi(legacy);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> List.of("Sent", "Delivered")
                        .contains(communications
                                .getCommunication(accepted.getCommunicationId())
                                .getRecipients()
                                .get(0)
                                .getStatus()));
        CommunicationView tracked = communications.getCommunication(accepted.getCommunicationId());
        assertTrue(
                tracked.getRecipients().get(0).getProviderMessageId() != null,
                "tracked with the provider's id: " + tracked);

        String stakeholder = "C-" + UUID.randomUUID();
        new PreferencesApi(client("csr"))
                .putPreferences(PreferencesApi.APIPutPreferencesRequest.newBuilder()
                        .stakeholderId(stakeholder)
                        .preferences(new Preferences()
                                .stakeholderType("Customer")
                                .preferences(Map.of(
                                        "email",
                                        new ChannelPreference()
                                                .enabled(true)
                                                .address(address)
                                                .frequency("Immediate"),
                                        "inApp",
                                        new ChannelPreference().enabled(true))))
                        .build());
        Preferences read = new PreferencesApi(legacy)
                .getPreferences(PreferencesApi.APIGetPreferencesRequest.newBuilder()
                        .stakeholderId(stakeholder)
                        .build())
                .getPreferences();
        var page = new PreferencesApi(legacy)
                .getPreferences(PreferencesApi.APIGetPreferencesRequest.newBuilder()
                        .stakeholderType("Customer")
                        .limit(5)
                        .build())
                .getPreferencePage();
        assertTrue(page.getItems().size() <= 5, "without an id the same operation answers a page, told apart by kind");
        assertEquals(
                address, read.getPreferences().get("email").getAddress(), "read back in the story's shape: " + read);
        assertEquals(stakeholder, read.getPreferences().get("inApp").getAddress(), "in-app reaches the stakeholder");
        assertEquals(Api.userName("csr"), read.getUpdatedBy());

        EventWebhooksApi webhooks = new EventWebhooksApi(client("admin"));
        String url = "http://127.0.0.1:9/legacy-" + UUID.randomUUID();
        webhooks.createWebhook(
                new WebhookRequest().url(url).eventTypes(List.of("delivered")).description("ERP"));
        var registered = webhooks.listWebhooks().stream()
                .filter(w -> url.equals(w.getUrl()))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("delivered"), registered.getEventTypes());
        webhooks.deleteWebhook(registered.getId()); // the rest of the suite's events need not go there

        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class,
                () -> new SendApi(legacy)
                        .send(SendApi.APISendRequest.newBuilder()
                                .sendRequest(new SendRequest().message(new Message().content("x")))
                                .build()));
        assertEquals(
                400,
                refused.getCode(),
                "a bad request surfaces as the client's ApiException: " + refused.getResponseBody());
    }

    private static ApiClient client(String role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Switchboard.BASE_URL);
        String authorization = Api.as(role).authorization();
        client.setRequestInterceptor(b -> b.header("Authorization", authorization));
        return client;
    }
}
