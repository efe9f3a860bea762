package com.switchboard.admin.integration;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.apikey.ApiKeyService;
import com.switchboard.apikey.ApiKeyView;
import com.switchboard.apikey.IssuedApiKey;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of the API keys page (admins): issue a key to an integration client (its text shown
 * once, on this page only), list the keys by their prefix, revoke one. Each action is audited by
 * {@link ApiKeyService}.
 */
@Named("apiKeysView")
@ViewScoped
public class ApiKeysView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ApiKeyService apiKeys;

    private String client;
    private IssuedApiKey issued;
    private transient List<ApiKeyView> keys;

    public List<ApiKeyView> getKeys() {
        if (keys == null) {
            keys = apiKeys.list();
        }
        return keys;
    }

    public String issue() {
        try {
            issued = apiKeys.create(client, FieldMessages.user());
            client = null;
            keys = null;
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, Map.of("client", "issue:client"));
        }
        return null;
    }

    public String revoke(String keyId) {
        try {
            ApiKeyView revoked = apiKeys.revoke(keyId, FieldMessages.user());
            FieldMessages.page(
                    FacesMessage.SEVERITY_INFO, "Key " + revoked.prefix() + "… of " + revoked.client() + " revoked.");
        } catch (NotFoundException e) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        issued = null;
        keys = null;
        return null;
    }

    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    /** The key just issued, with its text: shown once, then gone. */
    public IssuedApiKey getIssued() {
        return issued;
    }
}
