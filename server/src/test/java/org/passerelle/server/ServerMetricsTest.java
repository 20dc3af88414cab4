package org.passerelle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.xml.Element;

/** The running server keeps its meters in a Prometheus registry and renders them as text. */
class ServerMetricsTest {
    @TempDir
    Path dir;

    @Test
    void theMetersAndTheStorePoolsAreRenderedInThePrometheusFormat() throws Exception {
        ServerConfig config = ConfigLoader.parse("""
                listeners:
                  c2s: {host: 127.0.0.1, port: 0}
                  c2sDirectTls: {enabled: false}
                  http: {enabled: false}
                  https: {enabled: false}
                """, "test");
        try (PasserelleServer server = PasserelleServer.start(config, DataDirectory.open(dir))) {
            server.context().accounts().create(Jids.of("alice@localhost").asEntityBareJidOrThrow(), "secret", false);
            server.context().metrics().authFailure("PLAIN", "not-authorized");
            Element waiting = Element.builder("message", "jabber:client").attr("type", "chat").textChild("body", "jabber:client", "later").build();
            server.context().stores().offline().store(Jids.of("alice@localhost").asEntityBareJidOrThrow(),
                    new OfflineMessage(0, Instant.now(), waiting), 10);
            String text = server.scrapeMetrics();
            assertThat(text).contains("passerelle_stanzas_in_total{kind=\"message\"} 0.0")
                    .contains("passerelle_stanzas_out_total{kind=\"iq\"} 0.0")
                    .contains("passerelle_routing_seconds_bucket{le=")
                    .contains("passerelle_auth_failures_total{mechanism=\"PLAIN\",reason=\"not-authorized\"} 1.0")
                    .contains("passerelle_offline_stored_total 0.0")
                    .contains("passerelle_offline_queued 1.0")
                    .contains("hikaricp_connections_usage_seconds_count{pool=\"sqlite-write\"}");
        }
    }
}
