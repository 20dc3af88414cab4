package org.passerelle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.bench.client.ClientConfig;
import org.passerelle.bench.client.Connector;
import org.passerelle.bench.scenario.Bench;
import org.passerelle.bench.scenario.Scenario;
import org.passerelle.bench.scenario.Settings;
import org.passerelle.bench.scenario.Users;
import org.passerelle.bench.stats.ProcessStats;
import org.passerelle.bench.stats.Result;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.stanza.Jids;
import org.passerelle.server.DataDirectory;
import org.passerelle.server.PasserelleServer;

/** A few seconds of the real tool against the real server in this JVM: logins over every mechanism, then chat. */
class BenchSmokeTest {
    private static final int USERS = 20;
    private static final Users POPULATION = new Users("bench%d", "pw%d", "localhost");
    private static PasserelleServer server;
    private static Connector connector;

    @BeforeAll
    static void start() throws Exception {
        server = PasserelleServer.start(ConfigLoader.parse("""
                listeners:
                  c2s: {host: 127.0.0.1, port: 0}
                  c2sDirectTls: {host: 127.0.0.1, port: 0, enabled: false}
                  http: {enabled: false}
                  https: {enabled: false}
                """, "bench"), DataDirectory.open(Files.createTempDirectory("passerelle-bench")));
        for (int i = 0; i < USERS; i++) {
            server.context().accounts().create(Jids.of(POPULATION.bareJid(i)).asEntityBareJidIfPossible(), POPULATION.password(i), false);
        }
        connector = new Connector(1, List.of());
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
        if (server != null) server.close();
    }

    private static Bench bench(String mechanism, Settings settings) {
        ClientConfig client = new ClientConfig("127.0.0.1", server.c2sPort(), "localhost", true, mechanism, true);
        return new Bench(connector, client, POPULATION, settings, new ProcessStats(ProcessHandle.current().pid()), null,
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void everyUserLogsInWithEachMechanism() throws Exception {
        for (String mechanism : List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN")) {
            Result r = Scenario.named("login").run(bench(mechanism, new Settings(USERS, 10, 0, List.of(), 1, 20))).getFirst();
            assertThat(r.number("online")).as(mechanism + ": " + r.toJson()).isEqualTo(USERS);
            assertThat(r.number("failed")).isZero();
            assertThat(r.number("login_p50_ms")).isPositive();
            assertThat(r.number("server_cpu_s")).isPositive();
        }
    }

    @Test
    void aWrongPasswordIsAFailureNotALogin() throws Exception {
        ClientConfig client = new ClientConfig("127.0.0.1", server.c2sPort(), "localhost", true, "auto", true);
        Bench b = new Bench(connector, client, new Users("bench%d", "wrong%d", "localhost"), new Settings(1, 1, 0, List.of(), 1, 20),
                null, null, new PrintStream(OutputStream.nullOutputStream()));
        Result r = Scenario.named("login").run(b).getFirst();
        assertThat(r.number("online")).isZero();
        assertThat(r.get("top_failure").toString()).contains("not-authorized");
    }

    @Test
    void pairsExchangeMessagesAndEveryOneIsTimed() throws Exception {
        List<Result> results = Scenario.named("chat").run(bench("auto", new Settings(USERS, 20, 0, List.of(200.0, 400.0), 2, 20)));
        Result summary = results.getLast();
        assertThat(summary.number("pairs")).as(summary.toJson()).isEqualTo(USERS / 2);
        assertThat(summary.number("sent")).isGreaterThan(500);
        assertThat(summary.number("lost")).isZero();
        assertThat(summary.number("delivered")).isEqualTo(summary.number("sent"));
        Result step = results.get(1);
        assertThat(step.scenario()).isEqualTo("chat@200");
        assertThat(step.number("delivered_per_s")).isBetween(150.0, 250.0);
        assertThat(step.number("latency_p99_ms")).isPositive();
    }
}
