package org.passerelle.core.config;

/**
 * What the web listeners serve besides XMPP over WebSocket. {@code client}: the bundled browser
 * client at {@code /}.
 */
public record WebConfig(WebClientConfig client) {
    public WebConfig {
        client = Checks.orDefault(client, WebClientConfig.defaults());
    }

    public static WebConfig defaults() {
        return new WebConfig(null);
    }
}
