package org.passerelle.core.config;

/** The bundled web client (Converse.js) at {@code /} of the web listeners; {@code enabled: false} answers 404 there. */
public record WebClientConfig(Boolean enabled) {
    public WebClientConfig {
        enabled = Checks.orDefault(enabled, true);
    }

    public static WebClientConfig defaults() {
        return new WebClientConfig(null);
    }
}
