package com.switchboard.rest.inapp;

import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a WebSocket handshake whose {@code Origin} is not on {@code websocket.allowed.origins}
 * (the console's own origin by default): a browser sends its cookies with any page's handshake, so
 * without this a hostile page could open a signed-in user's socket and read their notifications.
 * A handshake without {@code Origin} is no browser's and passes; it still has to authenticate.
 */
public class OriginCheck extends ServerEndpointConfig.Configurator {

    @Override
    public boolean checkOrigin(String origin) {
        return origin == null || allowed().contains(origin.toLowerCase(java.util.Locale.ROOT));
    }

    static Set<String> allowed() {
        String list = ConfigProvider.getConfig().getOptionalValue("websocket.allowed.origins", String.class).orElse("");
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
