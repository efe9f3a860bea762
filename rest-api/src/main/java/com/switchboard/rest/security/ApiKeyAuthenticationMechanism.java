package com.switchboard.rest.security;

import com.switchboard.apikey.ApiKeyService;
import com.switchboard.limits.FailedLogins;
import com.switchboard.rest.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * How the REST API authenticates (this replaces web.xml's BASIC login-config, which Liberty does
 * not allow beside a mechanism bean). An API key ({@code X-Api-Key: <key>} or
 * {@code Authorization: ApiKey <key>}) of an integration client is checked against the DynamoDB
 * key store and signs the caller in as {@code api-key.<client>} in the {@code integration} group.
 * Anything else is HTTP Basic against the server's user registry, as before: Liberty's
 * IdentityStoreHandler does not fall back to the registry by itself (with no IdentityStore it
 * answers NOT_VALIDATED); its own Basic mechanism reaches the registry through the container's
 * {@link PasswordValidationCallback}, and so does this one, so the basicRegistry (local) and LDAP
 * (aws) work unchanged. Keys and passwords are never logged.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String REALM = "switchboard";
    private static final String API_KEY_HEADER = "X-Api-Key";
    private static final String API_KEY_SCHEME = "ApiKey ";
    private static final String BASIC_SCHEME = "Basic ";
    private static final String FAILURE_COUNTED = "switchboard.failedLoginCounted";

    @Inject
    ApiKeyService apiKeys;

    @Inject
    FailedLogins failedLogins;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        String authorization = request.getHeader("Authorization");
        String apiKey = presentedApiKey(request.getHeader(API_KEY_HEADER), authorization);
        boolean basic = apiKey == null && startsWithIgnoreCase(authorization, BASIC_SCHEME);
        if (apiKey != null || basic) {
            String address = request.getRemoteAddr();
            long wait = failedLogins.retryAfterSeconds(address);
            if (wait > 0) {
                return tooManyFailures(context, wait);
            }
            AuthenticationStatus status = apiKey != null
                    ? apiKeys.authenticate(apiKey)
                            .map(key -> {
                                if (key.readAll()) {
                                    request.setAttribute(ReadScopes.READ_ALL_GRANTED, Boolean.TRUE);
                                }
                                return context.notifyContainerAboutLogin(
                                        integrationClient(ApiKeyService.principalName(key.client())));
                            })
                            .orElseGet(() -> challenge(context))
                    : basic(authorization.substring(BASIC_SCHEME.length()).trim(), context);
            // once per request: the 401's error-page dispatch comes through here again with the same header
            if (status != AuthenticationStatus.SUCCESS && request.getAttribute(FAILURE_COUNTED) == null) {
                request.setAttribute(FAILURE_COUNTED, Boolean.TRUE);
                failedLogins.failed(address);
            }
            return status;
        }
        if (context.isProtected() || context.isAuthenticationRequest()) {
            return challenge(context);
        }
        return context.doNothing();
    }

    /**
     * The caller in the registry's realm: Liberty turns the groups into access ids with the realm
     * of the login, which is "defaultRealm" unless the result names one, and then group
     * "integration" would not be the group the EAR binds to the role.
     */
    private static CredentialValidationResult integrationClient(String name) {
        return new CredentialValidationResult(REALM, new CallerPrincipal(name), null, name, Set.of(Roles.INTEGRATION));
    }

    private static String presentedApiKey(String header, String authorization) {
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        if (startsWithIgnoreCase(authorization, API_KEY_SCHEME)) {
            return authorization.substring(API_KEY_SCHEME.length()).trim();
        }
        return null;
    }

    private static AuthenticationStatus basic(String encoded, HttpMessageContext context)
            throws AuthenticationException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return challenge(context);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return challenge(context);
        }
        var check = new PasswordValidationCallback(
                context.getClientSubject(),
                decoded.substring(0, colon),
                decoded.substring(colon + 1).toCharArray());
        try {
            context.getHandler().handle(new Callback[] {check});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new AuthenticationException("the user registry could not check the password", e);
        } finally {
            check.clearPassword();
        }
        return check.getResult() ? AuthenticationStatus.SUCCESS : challenge(context);
    }

    /** 429 with Retry-After and a problem document, written here: the credentials are not even checked. */
    private static AuthenticationStatus tooManyFailures(HttpMessageContext context, long retryAfterSeconds) {
        HttpServletResponse response = context.getResponse();
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType("application/problem+json");
        try {
            response.getWriter()
                    .write(
                            "{\"type\":\"/problems/too-many-requests\",\"title\":\"Too many failed sign-ins\","
                                    + "\"status\":429,\"detail\":\"too many failed sign-ins from this address; try again in "
                                    + retryAfterSeconds
                                    + " s\",\"errors\":[{\"field\":\"Authorization\",\"message\":\"too many failed sign-ins\"}]}");
        } catch (IOException e) {
            // the status and Retry-After are set; the body is a courtesy
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 401 with the Basic challenge; web.xml's error page turns it into a problem document. */
    private static AuthenticationStatus challenge(HttpMessageContext context) {
        context.getResponse().setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        return context.responseUnauthorized();
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
