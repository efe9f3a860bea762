package com.switchboard.apikey;

import com.switchboard.audit.Audited;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * API keys of integration clients (legacy systems that cannot do anything but send a header):
 * an administrator creates one per client (shown once), lists them, and revokes them; rotation is
 * creating a second key for the same client, moving the client over, then revoking the first.
 * {@link #authenticate} is what the REST API's authentication mechanism asks on every request.
 * Logs name keys by id, never by their text.
 */
@ApplicationScoped
public class ApiKeyService {
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class.getName());
    private static final String PRINCIPAL_PREFIX = "api-key.";
    private static final Pattern CLIENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    /** Key hashes that matched no active key, remembered briefly: a guessed or revoked key costs no lookup each time. */
    private static final long UNKNOWN_FOR_MS = 60_000;

    private static final int MAX_UNKNOWN = 10_000;

    private final Map<String, Long> unknown = new ConcurrentHashMap<>();

    @Inject
    DynamoApiKeyStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "apikey.last.used.resolution.seconds", defaultValue = "60")
    long lastUsedResolutionSeconds;

    /**
     * The principal a client's key signs in as. Never the bare client name: the container gives a
     * name the user registry knows that user's groups, so a key named after a staff member would
     * carry their roles; no registry user is called {@code api-key.<client>}. No colon or slash: the
     * container reads those as parts of an access id (type:realm/name).
     */
    public static String principalName(String client) {
        return PRINCIPAL_PREFIX + client;
    }

    @Audited("api-key.issue")
    public IssuedApiKey create(String client, String createdBy) {
        String name = client == null ? null : client.trim();
        if (name == null || !CLIENT.matcher(name).matches()) {
            throw InvalidRequestException.invalid(
                    "client", "1 to 63 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String key = ApiKeySecret.generate();
        String keyId = UUID.randomUUID().toString();
        String createdAt = clock.instant().toString();
        store.create(
                ApiKeySecret.hash(key),
                new ApiKeyView(keyId, name, ApiKeySecret.prefix(key), createdAt, createdBy, null, null, null, false));
        LOG.info(() -> "API key " + keyId + " created for client " + name + " by " + createdBy);
        return new IssuedApiKey(keyId, name, ApiKeySecret.prefix(key), createdAt, key);
    }

    public List<ApiKeyView> list() {
        return store.list();
    }

    /** Revokes the key at once; revoking a revoked key again changes nothing and is no error. */
    @Audited("api-key.revoke")
    public ApiKeyView revoke(String keyId, String revokedBy) {
        var stored = store.findByKeyId(keyId).orElseThrow(() -> new NotFoundException("API key", keyId));
        if (store.revoke(stored.hash(), clock.instant(), revokedBy)) {
            LOG.info(() -> "API key " + keyId + " of client " + stored.view().client() + " revoked by " + revokedBy);
        }
        return store.findByHash(stored.hash())
                .map(DynamoApiKeyStore.StoredKey::view)
                .orElseThrow();
    }

    /**
     * Lets the key read and track every client's communications, or only its own client's again.
     * Takes effect on the key's next request (each request reads the key).
     */
    @Audited("api-key.read-all")
    public ApiKeyView setReadAll(String keyId, boolean readAll, String changedBy) {
        var stored = store.findByKeyId(keyId).orElseThrow(() -> new NotFoundException("API key", keyId));
        if (!store.setReadAll(stored.hash(), readAll, clock.instant(), changedBy)) {
            throw new NotFoundException("API key", keyId);
        }
        LOG.info(() -> "API key " + keyId + " of client " + stored.view().client()
                + (readAll ? " granted" : " withdrawn") + " read-all by " + changedBy);
        return store.findByHash(stored.hash())
                .map(DynamoApiKeyStore.StoredKey::view)
                .orElseThrow();
    }

    /** The key a presented key is, when it is one we issued and have not revoked. */
    public Optional<ApiKeyView> authenticate(String presentedKey) {
        if (!ApiKeySecret.wellFormed(presentedKey)) {
            return Optional.empty();
        }
        String hash = ApiKeySecret.hash(presentedKey);
        Long unknownUntil = unknown.get(hash);
        if (unknownUntil != null && unknownUntil > System.currentTimeMillis()) {
            return Optional.empty(); // asked about a moment ago: no lookup for a key being guessed or retried
        }
        Optional<DynamoApiKeyStore.StoredKey> stored =
                store.findByHash(hash).filter(k -> k.view().active());
        if (stored.isEmpty()) {
            if (unknown.size() > MAX_UNKNOWN) {
                unknown.clear();
            }
            unknown.put(hash, System.currentTimeMillis() + UNKNOWN_FOR_MS);
        }
        stored.ifPresent(k -> {
            Instant now = clock.instant();
            if (k.view().lastUsedAt() == null
                    || Instant.parse(k.view().lastUsedAt()).isBefore(now.minus(resolution()))) {
                store.recordUse(hash, now, now.minus(resolution()));
            }
        });
        return stored.map(DynamoApiKeyStore.StoredKey::view);
    }

    private Duration resolution() {
        return Duration.ofSeconds(lastUsedResolutionSeconds);
    }
}
