package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.Jid;

/**
 * XEP-0198 acknowledgements as a test's clock: the server acknowledges a stanza only once it is
 * fully handled (delivered to a session or committed to a store), so after the ack it is safe to
 * drop a connection or kill the server.
 */
final class Acks {
    private Acks() {
    }

    /** Connects and logs in with stream management on. */
    static XMPPTCPConnection loginWithStreamManagement(XMPPTCPConnection c, boolean resumption) throws Exception {
        c.setUseStreamManagement(true);
        c.setUseStreamManagementResumption(resumption);
        c.connect().login();
        assertThat(c.isSmEnabled()).as("stream management enabled").isTrue();
        return c;
    }

    /** Sends chat messages and waits until the server has acknowledged all of them; returns their ids. */
    static List<String> sendChats(XMPPTCPConnection sender, Jid to, String... bodies) throws Exception {
        List<Stanza> messages = new ArrayList<>();
        for (String body : bodies) {
            messages.add(sender.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build());
        }
        send(sender, messages.toArray(Stanza[]::new));
        return messages.stream().map(Stanza::getStanzaId).toList();
    }

    /**
     * Acknowledges (XEP-0198) every stanza the client has received, before it leaves: else what it
     * got but had not acknowledged is undeliverable at the end of its session and, rightly, goes
     * to offline storage, SMS or push again. Smack counts a stanza only after handing it to the
     * listeners, so a ping's answer, read after them, comes first: then the count includes them all.
     */
    static void acknowledgeAll(XMPPTCPConnection c) throws Exception {
        assertThat(PingManager.getInstanceFor(c).pingMyServer(false)).as("the server answers a ping").isTrue();
        c.sendSmAcknowledgement();
    }

    /** Sends the stanzas and waits until the server has acknowledged all of them. */
    static void send(XMPPTCPConnection sender, Stanza... stanzas) throws Exception {
        CountDownLatch acked = new CountDownLatch(stanzas.length);
        for (Stanza s : stanzas) {
            sender.addStanzaIdAcknowledgedListener(s.getStanzaId(), a -> acked.countDown());
            sender.sendStanza(s);
        }
        sender.requestSmAcknowledgement();
        assertThat(acked.await(Inbox.WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the server acknowledged every stanza").isTrue();
    }
}
