package org.passerelle.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the web listeners serve besides XMPP: the bundled browser client, the operator's admin
 * API and console, and the Prometheus scrape endpoint (docs/WEB.md, docs/ADMIN.md).
 *
 * @param publicUrl the base URL clients reach the web listeners at, when that is not this server's
 *                  own listener (a reverse proxy: {@code https://chat.example.org}, a path allowed); links
 *                  the server hands out (uploads) start with it. Default: the HTTPS listener, else the
 *                  HTTP one, at the hosted domain
 * @param client    the bundled browser client at {@code /}
 * @param admin     the admin API at /api/v1 and the console at /admin
 * @param metrics   /metrics
 */
public record WebConfig(String publicUrl, WebClientConfig client, Admin admin, Metrics metrics) {
    public WebConfig {
        if (publicUrl != null) {
            if (!publicUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
                throw new IllegalArgumentException("publicUrl must be an http:// or https:// URL without query, not " + publicUrl);
            }
            while (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        client = Checks.orDefault(client, WebClientConfig.defaults());
        admin = Checks.orDefault(admin, new Admin(null, null));
        metrics = Checks.orDefault(metrics, new Metrics(null));
    }

    public static WebConfig defaults() {
        return new WebConfig(null, null, null, null);
    }

    /**
     * @param enabled            serve the admin API and console
     * @param consoleIdleMinutes a console session unused this long must log in again
     */
    public record Admin(Boolean enabled, Integer consoleIdleMinutes) {
        public Admin {
            enabled = Checks.orDefault(enabled, true);
            consoleIdleMinutes = Checks.range("consoleIdleMinutes", Checks.orDefault(consoleIdleMinutes, 30), 1, 24 * 60);
        }
    }

    /** @param open serve /metrics without credentials, for a scraper on a private network (YAML key {@code public}) */
    public record Metrics(@JsonProperty("public") Boolean open) {
        public Metrics {
            open = Checks.orDefault(open, false);
        }
    }
}
