package org.passerelle.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.config.ServerConfig;

/** A port already taken stops the start with a sentence that says so, and leaves nothing running. */
class PortInUseTest {
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsReportedClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ServerConfig config = ConfigLoader.parse("""
                    listeners:
                      c2s: {host: 127.0.0.1, port: %d}
                      c2sDirectTls: {enabled: false}
                      http: {enabled: false}
                      https: {enabled: false}
                    """.formatted(taken.getLocalPort()), "test");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PasserelleServer.start(config, DataDirectory.open(dir)));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("listeners:"), e.getMessage());
        }
    }
}
