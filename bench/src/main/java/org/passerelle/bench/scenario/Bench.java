package org.passerelle.bench.scenario;

import java.io.PrintStream;
import org.passerelle.bench.client.ClientConfig;
import org.passerelle.bench.client.Connector;
import org.passerelle.bench.stats.JvmProbe;
import org.passerelle.bench.stats.ProcessStats;

/**
 * Everything a scenario needs: where and how to connect, who the users are, the bounds, and
 * optional probes of the server process ({@code server} and {@code jvm} may be null).
 */
public record Bench(Connector connector, ClientConfig client, Users users, Settings settings,
                    ProcessStats server, JvmProbe jvm, PrintStream log) {

    public double serverCpuSeconds() {
        return server == null ? -1 : server.cpuSeconds();
    }

    public long serverRss() {
        return server == null ? -1 : server.rssBytes();
    }

    void progress(String message) {
        log.println("bench: " + message);
        log.flush();
    }
}
