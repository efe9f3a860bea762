package it.reliability;

import it.support.Api;

/** Who calls in the authorization matrix: nobody, or one local user per role (alice the admin is also a CSR). */
enum Caller {
    ANONYMOUS(Api.anonymous()),
    CSR(Api.as("csr")),
    ADMIN(Api.as("admin")),
    INTEGRATION(Api.as("integration")),
    USER(Api.as("user"));

    final Api api;

    Caller(Api api) {
        this.api = api;
    }

    /** One request as this caller; a body, when given, is sent as JSON. */
    Api.Reply call(String method, String path, String body) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            case "POST" -> api.post(path, body == null ? "" : body);
            case "PUT" -> api.put(path, body == null ? "" : body);
            default -> throw new IllegalArgumentException("no client for " + method);
        };
    }
}
