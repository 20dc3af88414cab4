package org.passerelle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.config.ServerConfig;

/** The web client line of {@code ./passerelle run}'s welcome text, for each way the listeners and TLS are set. */
class WelcomeWebClientTest {
    private static final String PORTS = """
            listeners:
              c2s: {host: 127.0.0.1, port: 0}
              c2sDirectTls: {enabled: false}
              http: {host: 127.0.0.1, port: 0}
              https: {host: 127.0.0.1, port: 0}
            """;

    @TempDir
    Path dir;

    private String line(String yaml) throws Exception {
        ServerConfig config = ConfigLoader.parse(yaml, "test");
        try (PasserelleServer server = PasserelleServer.start(config, DataDirectory.open(dir))) {
            assumeTrue(server.webClient() || !config.web().client().enabled(), "Converse.js was not bundled in this build");
            String url = RunCommand.webClientUrl(config, server, "localhost");
            if (url != null) {
                assertThat(url).contains("localhost:" + (url.startsWith("https") ? server.webPort(true) : server.webPort(false)) + "/");
            }
            return url == null ? null : url.replaceAll(":[0-9]+/", ":PORT/");
        }
    }

    @Test
    void withTlsRequiredTheHttpPageGoesOnToHttps() throws Exception {
        assertThat(line(PORTS)).isEqualTo("http://localhost:PORT/ (goes on to https://localhost:PORT/: accept the self-signed certificate"
                + " unless tls: is configured)");
    }

    @Test
    void withoutTlsRequiredItIsThePlainPage() throws Exception {
        assertThat(line(PORTS + "tls: {required: false}\n")).isEqualTo("http://localhost:PORT/");
    }

    @Test
    void turnedOffThereIsNoLine() throws Exception {
        assertThat(line(PORTS + "web: {client: {enabled: false}}\n")).isNull();
    }
}
