package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A non-Java client: xmpp.js (Node) logs in over STARTTLS with SCRAM-SHA-1 and chats with a Smack
 * user, both ways. The test installs xmpp.js from the lock file with {@code npm ci} when needed.
 */
class XmppJsIT {
    private static final Path JS = Path.of("src/test/js");
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        installNodeModules();
        server = ItServer.start();
        server.user("jsuser", "node-rocks");
        server.user("smackuser", "java-rocks");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void xmppJsAndSmackChatBothWays() throws Exception {
        XMPPTCPConnection smack = server.connect("smackuser", "java-rocks", "desk");
        LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        smack.addAsyncStanzaListener(s -> {
            Message m = (Message) s;
            inbox.add(m);
            try {
                smack.sendStanza(smack.getStanzaFactory().buildMessageStanza().to(m.getFrom()).ofType(Message.Type.chat)
                        .setBody("hello from Smack").build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, s -> s instanceof Message m && m.getBody() != null);

        ProcessBuilder pb = new ProcessBuilder("node", "chat.mjs", Integer.toString(server.port()), "jsuser", "node-rocks",
                "smackuser@localhost/desk", "hello from xmpp.js")
                .directory(JS.toFile()).redirectErrorStream(true);
        pb.environment().put("NODE_EXTRA_CA_CERTS", server.dataDir().resolve("tls-cert.pem").toString());
        Process node = pb.start();
        boolean finished = node.waitFor(30, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) node.destroyForcibly();
        assertThat(finished).as("xmpp.js finished: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("online as jsuser@localhost/xmppjs").contains("received from smackuser@localhost/desk: hello from Smack");
        Message fromJs = inbox.poll(5, TimeUnit.SECONDS);
        assertThat(fromJs).isNotNull();
        assertThat(fromJs.getBody()).isEqualTo("hello from xmpp.js");
        assertThat(fromJs.getFrom().toString()).isEqualTo("jsuser@localhost/xmppjs");
        smack.disconnect();
    }

    /** Installs the test scripts' packages (xmpp.js, playwright-core) from the lock file unless they are there already. */
    static void installNodeModules() throws Exception {
        if (!Files.isDirectory(JS.resolve("node_modules/@xmpp/client")) || !Files.isDirectory(JS.resolve("node_modules/playwright-core"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
    }

    private static void run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).directory(JS.toFile()).redirectErrorStream(true)
                .redirectOutput(new File("target/npm-ci.log")).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed; see it/target/npm-ci.log");
        }
    }
}
