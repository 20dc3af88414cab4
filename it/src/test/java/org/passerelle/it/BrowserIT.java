package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

/**
 * The bundled web client in a real browser: headless Chromium, driven by Playwright
 * ({@code src/test/js/browser.mjs}), logs contacts into Converse.js at {@code /} of the HTTP
 * listener; they chat both ways and see each other's presence change. Screenshots go to
 * {@code it/target/browser-artifacts/}. Skipped only when Chromium is not installed
 * ({@code apt-get install chromium}; {@code .ci/run} does it).
 */
class BrowserIT {
    private static final Path JS = Path.of("src/test/js");
    private static final Path ARTIFACTS = Path.of("target/browser-artifacts").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) return; // each test reports itself skipped, with the reason
        XmppJsIT.installNodeModules();
        if (Files.isDirectory(ARTIFACTS)) { // only this run's screenshots
            try (var old = Files.list(ARTIFACTS)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) Files.delete(p);
            }
        }
        // ws:// has no TLS: with tls.required the browser could not log in on the HTTP listener.
        server = ItServer.start("tls:\n  required: false\n");
        // Contacts through the protocol, then offline, so that the browsers alone make their presence.
        for (XMPPTCPConnection c : Contacts.friendsOf(server, "alice", "bob")) c.disconnect();
        server.server().context().accounts().create(Jids.of("root@localhost").asEntityBareJidIfPossible(), "pw-root", true);
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (apt-get install chromium, or set CHROMIUM): the browser test is skipped");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void twoUsersChatShareAFileAndSeeEachOthersPresenceInConverse() throws Exception {
        String output = browser("chat", server, "alice", "pw-alice", "bob", "pw-bob");
        String files = "https://localhost:" + server.server().webPort(true);
        assertThat(output)
                .contains("step: alice@localhost logged in over ws://127.0.0.1:")
                .contains("step: shown in the chat with alice@localhost: Hello bob, from a browser")
                .contains("step: shown in the chat with bob@localhost: Hi alice, received")
                .containsPattern("step: emoji table loaded from /webclient/[0-9.]+/emoji.json")
                .contains("step: shown in the chat with alice@localhost: the image band.png from " + files)
                .contains("step: shown in the chat with bob@localhost: the image band.png from " + files)
                .containsPattern("step: the admin dashboard shows 2 online users, sessions: .*websocket")
                .contains("step: bob@localhost is away in the roster")
                .contains("step: bob@localhost is offline in the roster");
        for (String shot : new String[] {"login", "chat-alice", "chat-bob", "shared-image-bob", "admin-dashboard", "roster-bob-away",
                "roster-bob-offline"}) {
            assertThat(ARTIFACTS.resolve(shot + ".png")).isNotEmptyFile();
        }
    }

    @Test
    void withTlsRequiredThePlainPageGoesOnToHttpsAndTheLoginUsesWss() throws Exception {
        try (ItServer secure = ItServer.start()) { // the defaults: tls.required
            secure.user("carol", "pw-carol");
            String output = browser("secure", secure, "carol", "pw-carol");
            assertThat(output)
                    .contains("step: sent on to https://127.0.0.1:" + secure.server().webPort(true) + "/")
                    .contains("step: the login form is in German")
                    .contains("step: carol@localhost logged in over wss://127.0.0.1:" + secure.server().webPort(true) + "/xmpp-websocket");
            assertThat(ARTIFACTS.resolve("secure-carol.png")).isNotEmptyFile();
        }
    }

    /** Runs one scenario of browser.mjs against the server's HTTP listener; returns its output once it passed. */
    private static String browser(String scenario, ItServer target, String... users) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "browser.mjs", scenario,
                "http://127.0.0.1:" + target.server().webPort(false) + "/", ARTIFACTS.toString()));
        command.addAll(List.of(users));
        ProcessBuilder pb = new ProcessBuilder(command).directory(JS.toFile()).redirectErrorStream(true);
        pb.environment().put("CHROMIUM", CHROMIUM.toString());
        pb.environment().put("ADMIN_USER", "root");
        pb.environment().put("ADMIN_PASSWORD", "pw-root");
        Process node = pb.start();
        boolean finished = node.waitFor(60, TimeUnit.SECONDS);
        if (!finished) node.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output); // the steps and the screenshot paths
        assertThat(finished).as("the browser test finished within 60 s:\n" + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("step: done");
        return output;
    }
}
