package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

/** Two domains in one server: accounts are separate, and users of both can talk to each other. */
class VirtualHostsIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("domains: [{name: localhost}, {name: example.test}]\n");
        server.user("ann", "pw-ann");
        server.server().context().accounts().create(Jids.of("ben@example.test").asEntityBareJidIfPossible(), "pw-ben", false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void usersOfTwoDomainsChat() throws Exception {
        XMPPTCPConnection ann = server.connect("ann", "pw-ann", "a");
        XMPPTCPConnection ben = new XMPPTCPConnection(server.clientConfig("ben", "pw-ben")
                .setXmppDomain("example.test").setHostnameVerifier((h, s) -> true).setResource("b").build());
        ben.connect().login();
        assertThat(ben.getUser().toString()).isEqualTo("ben@example.test/b");
        LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        ben.addAsyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
        ann.sendStanza(ann.getStanzaFactory().buildMessageStanza().to(JidCreate.entityFullFrom("ben@example.test/b"))
                .ofType(Message.Type.chat).setBody("across domains").build());
        Message m = inbox.poll(5, TimeUnit.SECONDS);
        assertThat(m).isNotNull();
        assertThat(m.getFrom().toString()).isEqualTo("ann@localhost/a");
        ann.disconnect();
        ben.disconnect();
    }

    @Test
    void anAccountBelongsToOneDomain() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            XMPPTCPConnection c = new XMPPTCPConnection(server.clientConfig("ann", "pw-ann").setXmppDomain("example.test").build());
            c.connect().login();
        }).isInstanceOf(org.jivesoftware.smack.sasl.SASLErrorException.class);
    }
}
