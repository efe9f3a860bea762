package com.switchboard.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The one Graph API client of this server: a Rest Client keeps its HTTP connection pool, so one
 * instance serves every delivery. The base URL is {@code whatsapp.api.url} (graph.facebook.com in
 * the aws profile, the sandbox WireMock locally).
 */
@ApplicationScoped
public class WhatsAppClientProducer {

    @Inject
    @ConfigProperty(name = "whatsapp.api.url", defaultValue = "https://graph.facebook.com")
    String apiUrl;

    @Inject
    @ConfigProperty(name = "whatsapp.access.token", defaultValue = "")
    String accessToken;

    @Inject
    @ConfigProperty(name = "whatsapp.connect.timeout.ms", defaultValue = "3000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "whatsapp.read.timeout.ms", defaultValue = "10000")
    long readTimeoutMillis;

    @Produces
    @ApplicationScoped
    WhatsAppClient whatsAppClient() {
        return RestClientBuilder.newBuilder()
                .baseUri(URI.create(apiUrl))
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .register(new BearerTokenFilter(accessToken))
                .build(WhatsAppClient.class);
    }

    @Produces
    @ApplicationScoped
    WhatsAppMediaClient whatsAppMediaClient() {
        return RestClientBuilder.newBuilder()
                .baseUri(URI.create(apiUrl))
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .register(new BearerTokenFilter(accessToken))
                .build(WhatsAppMediaClient.class);
    }

    void closeMedia(@Disposes WhatsAppMediaClient client) throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    void close(@Disposes WhatsAppClient client) throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
