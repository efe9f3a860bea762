package it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Integration clients with API keys: an admin issues a key (shown once), the client sends and
 * tracks with it exactly as the basic-auth integration user does, rotation keeps both keys valid
 * until the old one is revoked, a revoked or unknown key is 401, and only admins manage keys. A key
 * reads and tracks only its own client's communications unless an admin grants it read-all.
 */
@ExtendWith(Switchboard.class)
class ApiKeyIT {
    private static final String KEYS = "/communications/api-keys";
    private static final String SEND = """
            {"message":{"subject":"Hi","content":"Hello from the ERP"},"recipients":[{"channel":"Email","address":"apikey@example.com"}]}""";
    private static final Api ADMIN = Api.as("admin");

    @Test
    void anIntegrationClientSendsAndTracksWithAFreshlyIssuedKey() {
        String client = uniqueClient();
        JsonObject issued = issue(client);
        String key = issued.getString("key");
        assertTrue(key.startsWith(issued.getString("prefix")), "the listed prefix is the start of the key");

        Api.Reply accepted = Api.withApiKey(key).post("/communications/send", SEND);
        assertEquals(202, accepted.status(), "send with Authorization: ApiKey: " + accepted.body());
        String id = accepted.json().getString("communicationId");
        assertEquals(
                200, Api.withApiKey(key).get("/communications/" + id).status(), "the client reads its communication");
        assertEquals(
                200,
                Api.anonymous()
                        .get("/communications/delivery-tracking?communicationId=" + id, "X-Api-Key", key)
                        .status(),
                "the client tracks it with the X-Api-Key header");
        assertEquals(
                202,
                Api.anonymous()
                        .post("/communications/send", SEND, "X-Api-Key", key)
                        .status(),
                "send with X-Api-Key");

        Api.Reply list = ADMIN.get(KEYS);
        assertEquals(200, list.status(), list.body());
        assertFalse(list.body().contains(key), "the list never shows a key");
        JsonObject listed = listed(list, issued.getString("keyId"));
        assertEquals(client, listed.getString("client"), "the key is listed for its client");
        assertEquals(issued.getString("prefix"), listed.getString("prefix"), "with its prefix");
        assertNotNull(listed.getString("createdAt", null), "with its creation time");
        assertNotNull(listed.getString("lastUsedAt", null), "and when it was last used");
    }

    @Test
    void aKeyReadsOnlyItsOwnClientsCommunicationsUntilAnAdminGrantsItReadAll() {
        String client = uniqueClient();
        Api sender = Api.withApiKey(issue(client).getString("key"));
        Api sameClient = Api.withApiKey(issue(client).getString("key"));
        JsonObject otherKey = issue(uniqueClient());
        Api other = Api.withApiKey(otherKey.getString("key"));
        String own = sender.post("/communications/send", SEND).json().getString("communicationId");
        String staffs = Api.as("csr").post("/communications/send", SEND).json().getString("communicationId");

        assertEquals(
                200, sameClient.get("/communications/" + own).status(), "a second key of the same client reads it");
        assertEquals(
                404, sender.get("/communications/" + staffs).status(), "a CSR's communication is not the client's");
        Api.Reply hidden = other.get("/communications/" + own);
        assertEquals(404, hidden.status(), "another client's key does not see it exists: " + hidden.body());
        assertTrue(hidden.contentType().startsWith("application/problem+json"), hidden.contentType());
        assertEquals(
                404,
                other.get("/communications/delivery-tracking?communicationId=" + own)
                        .status(),
                "nor track it");
        assertTrue(tracked(sender).contains(own), "the client's tracking list has its own communication");
        assertFalse(tracked(sender).contains(staffs), "and not the CSR's");
        assertFalse(tracked(other).contains(own), "another client's list does not have it");

        Api.Reply granted = ADMIN.put(KEYS + "/" + otherKey.getString("keyId") + "/read-all", "{\"readAll\":true}");
        assertEquals(200, granted.status(), granted.body());
        assertTrue(granted.json().getBoolean("readAll"), "the answer shows the grant: " + granted.body());
        assertTrue(listed(ADMIN.get(KEYS), otherKey.getString("keyId")).getBoolean("readAll"), "and so does the list");
        assertEquals(
                200,
                other.get("/communications/" + own).status(),
                "with read-all it reads another client's communication");
        assertEquals(200, other.get("/communications/" + staffs).status(), "and a CSR's");
        assertTrue(tracked(other).containsAll(List.of(own, staffs)), "and tracks both");

        assertEquals(
                200,
                ADMIN.put(KEYS + "/" + otherKey.getString("keyId") + "/read-all", "{\"readAll\":false}")
                        .status());
        assertEquals(404, other.get("/communications/" + own).status(), "withdrawn, it reads only its own again");

        Api.Reply bad = ADMIN.put(KEYS + "/" + otherKey.getString("keyId") + "/read-all", "{}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals(
                "readAll", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"), "the field at fault");
    }

    @Test
    void aRevokedKeyIsUnauthorizedAtOnce() {
        JsonObject issued = issue(uniqueClient());
        Api client = Api.withApiKey(issued.getString("key"));
        assertEquals(200, client.get("/communications/channels").status(), "the key works before it is revoked");

        Api.Reply revoked = ADMIN.delete(KEYS + "/" + issued.getString("keyId"));
        assertEquals(200, revoked.status(), revoked.body());
        assertNotNull(revoked.json().getString("revokedAt", null), "the answer says when it was revoked");

        Api.Reply refused = client.post("/communications/send", SEND);
        assertEquals(401, refused.status(), "a revoked key cannot send: " + refused.body());
        assertTrue(
                refused.contentType().startsWith("application/problem+json"),
                "as a problem document: " + refused.contentType());
        assertEquals(401, client.get("/communications/channels").status(), "nor read");
    }

    @Test
    void aRotatedClientHasTwoWorkingKeysUntilTheOldOneIsRevoked() {
        String client = uniqueClient();
        JsonObject old = issue(client);
        JsonObject rotated = issue(client);
        assertEquals(
                202,
                Api.withApiKey(old.getString("key"))
                        .post("/communications/send", SEND)
                        .status(),
                "old key during rotation");
        assertEquals(
                202,
                Api.withApiKey(rotated.getString("key"))
                        .post("/communications/send", SEND)
                        .status(),
                "new key during rotation");

        assertEquals(200, ADMIN.delete(KEYS + "/" + old.getString("keyId")).status(), "the old key is revoked");
        assertEquals(
                401,
                Api.withApiKey(old.getString("key"))
                        .post("/communications/send", SEND)
                        .status(),
                "old key after revoke");
        assertEquals(
                202,
                Api.withApiKey(rotated.getString("key"))
                        .post("/communications/send", SEND)
                        .status(),
                "new key after revoke");
    }

    @Test
    void onlyAdminsManageKeys() {
        assertEquals(403, Api.as("csr").post(KEYS, "{\"client\":\"x\"}").status(), "a csr cannot create keys");
        assertEquals(403, Api.as("csr").get(KEYS).status(), "nor list them");
        assertEquals(
                403, Api.as("integration").post(KEYS, "{\"client\":\"x\"}").status(), "nor can an integration user");
        assertEquals(
                401,
                Api.anonymous().post(KEYS, "{\"client\":\"x\"}").status(),
                "anonymous callers are asked to authenticate");
        JsonObject issued = issue(uniqueClient());
        assertEquals(
                403,
                Api.withApiKey(issued.getString("key"))
                        .post(KEYS, "{\"client\":\"x\"}")
                        .status(),
                "a key cannot issue keys");
    }

    @Test
    void aKeyNamedAfterAStaffMemberCarriesOnlyTheIntegrationRole() {
        Api key = Api.withApiKey(issue(Api.userName("admin")).getString("key"));
        assertEquals(202, key.post("/communications/send", SEND).status(), "it is an integration client");
        assertEquals(403, key.get(KEYS).status(), "not the admin it is named after");
        assertEquals(
                403, key.put("/communications/templates/x", "{\"body\":\"b\"}").status(), "no template editing either");
    }

    @Test
    void unknownKeysAndBadClientNamesAreRefused() {
        Api.Reply unknown = Api.withApiKey("sbk_" + "A".repeat(43)).get("/communications/channels");
        assertEquals(401, unknown.status(), "a well-formed key that was never issued");
        assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.contentType());
        assertEquals(
                401,
                Api.anonymous()
                        .get("/communications/channels", "X-Api-Key", "not-a-key")
                        .status(),
                "garbage in X-Api-Key");
        Api.Reply bad = ADMIN.post(KEYS, "{\"client\":\"Not A Name\"}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals(
                "client", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"), "the field at fault");
    }

    @Test
    void basicAuthenticationStillWorksBesideKeys() {
        assertEquals(200, Api.as("csr").get("/communications/channels").status(), "csr with basic auth");
        assertEquals(
                202,
                Api.as("integration").post("/communications/send", SEND).status(),
                "the basic-auth integration user");
        assertEquals(
                401,
                Api.withCredentials(Api.userName("admin"), "wrong").get(KEYS).status(),
                "a wrong password");
    }

    @Test
    void keysNeverReachTheLog() throws Exception {
        String key = issue(uniqueClient()).getString("key");
        Api.withApiKey(key).get("/communications/channels");
        Api.withApiKey(key + "x").get("/communications/channels");
        Path log = Switchboard.liberty().serverDir().resolve("logs/messages.log");
        assertFalse(Files.readString(log).contains(key.substring(4)), "the server log does not contain the key");
    }

    private static JsonObject issue(String client) {
        Api.Reply r = ADMIN.post(KEYS, "{\"client\":\"" + client + "\"}");
        assertEquals(201, r.status(), "an admin issues a key: " + r.body());
        assertNotNull(r.header("Location"), "the new key's Location");
        return r.json();
    }

    private static JsonObject listed(Api.Reply list, String keyId) {
        return list.jsonArray().stream()
                .map(JsonObject.class::cast)
                .filter(k -> keyId.equals(k.getString("keyId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("key " + keyId + " is not listed: " + list.body()));
    }

    /** The ids of the caller's tracking list (the last 30 days, newest first). */
    private static List<String> tracked(Api caller) {
        Api.Reply page = caller.get("/communications/delivery-tracking?limit=100");
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("communicationId"))
                .toList();
    }

    private static String uniqueClient() {
        return "erp-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }
}
