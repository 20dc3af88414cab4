package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.passerelle.core.store.ReplyToken;

/**
 * E-mail forwarding end to end: GreenMail is the SMTP relay and the user's mailbox (read over
 * IMAP); Smack clients opt in with the ad-hoc command, chat, and receive the replies that a mail
 * client sends to the embedded SMTP receiver.
 */
class MailGatewayIT {
    private static final String MAILBOX = "alice@mail.test";

    private Mailbox mail;
    private ItServer server;
    private int replyPort;

    @BeforeEach
    void start() throws Exception {
        mail = new Mailbox(MAILBOX, "alice", "mail-pw");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            replyPort = free.getLocalPort();
        }
    }

    private void startServer(int batchSeconds) throws Exception {
        server = ItServer.start("""
                modules:
                  mail:
                    enabled: true
                    batchSeconds: %d
                    relay: {host: 127.0.0.1, port: %d, security: none, from: passerelle@localhost}
                    replies: {domain: mail.localhost, listenHost: 127.0.0.1, port: %d}
                """.formatted(batchSeconds, mail.smtpPort(), replyPort));
        server.user("alice", "a-pw");
        server.user("bob", "b-pw");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
        mail.close();
    }

    @Test
    void aBatchWaitingAtARestartIsSentAfterIt() throws Exception {
        startServer(5);
        XMPPTCPConnection alice = server.connect("alice", "a-pw", "phone");
        mail.optIn(alice);
        alice.disconnect();
        XMPPTCPConnection bob = server.connect("bob", "b-pw", "desk");
        EntityBareJid aliceJid = JidCreate.entityBareFrom("alice@localhost");
        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(aliceJid).ofType(Message.Type.chat).setBody("still there?").build());
        awaitPending(aliceJid, 1);
        bob.disconnect();

        server.restart();
        assertThat(server.server().context().stores().mail().pending(aliceJid, 10)).as("not sent before the restart").hasSize(1);
        List<Mailbox.Mail> mails = mail.await(2);
        assertThat(mails.get(1).text()).contains("  still there?");
        Thread.sleep(1500);
        assertThat(mail.mails()).as("sent once").hasSize(2);
    }

    private void awaitPending(EntityBareJid user, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (server.server().context().stores().mail().pending(user, 10).size() < count) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the message was not queued for mail");
            Thread.sleep(50);
        }
    }

    @Test
    void aUserOptsInGetsOneMailForMessagesWhileOfflineAndTheReplyReachesThePeer() throws Exception {
        startServer(2);
        XMPPTCPConnection alice = server.connect("alice", "a-pw", "phone");
        mail.optIn(alice);
        alice.disconnect();

        XMPPTCPConnection bob = server.connect("bob", "b-pw", "desk");
        Inbox<Message> bobInbox = Inbox.messages(bob);
        EntityBareJid aliceJid = JidCreate.entityBareFrom("alice@localhost");
        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(aliceJid).ofType(Message.Type.chat).setBody("dinner tonight?").build());
        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(aliceJid).ofType(Message.Type.chat).setBody("8pm at Luigi's").build());

        List<Mailbox.Mail> inbox = mail.await(2); // the code, then the batch
        Thread.sleep(2500);
        assertThat(mail.mails()).as("one mail for the batch").hasSize(2);
        Mailbox.Mail batch = inbox.get(1);
        assertThat(batch.subject()).isEqualTo("2 new messages from bob@localhost");
        assertThat(batch.text()).contains("From bob@localhost:").contains("  dinner tonight?").contains("  8pm at Luigi's");
        assertThat(batch.replyTo()).matches("reply\\+[0-9a-f]{40}@mail\\.localhost");

        // Alice answers from her mail client; bob sees it as a chat from alice, without the quote.
        assertThat(Mailbox.sendReply(replyPort, MAILBOX, batch.replyTo(),
                "Yes, see you there!\n\nOn Thu, 26 Nov 2026, Passerelle <passerelle@localhost> wrote:\n> dinner tonight?\n")).isEqualTo(250);
        Message reply = bobInbox.next();
        assertThat(reply.getFrom().toString()).isEqualTo("alice@localhost");
        assertThat(reply.getType()).isEqualTo(Message.Type.chat);
        assertThat(reply.getBody()).isEqualTo("Yes, see you there!");
        bobInbox.assertNothingMore(300);

        // The mail was a copy: back online, alice gets the messages from offline storage.
        XMPPTCPConnection back = server.connection("alice", "a-pw", "phone");
        Inbox<Message> aliceInbox = Inbox.messages(back);
        back.connect().login();
        assertThat(aliceInbox.next().getBody()).isEqualTo("dinner tonight?");
        assertThat(aliceInbox.next().getBody()).isEqualTo("8pm at Luigi's");
        back.disconnect();
        bob.disconnect();
    }

    @Test
    void forgedExpiredAndForeignRepliesAreRefusedAndNothingArrives() throws Exception {
        startServer(2);
        XMPPTCPConnection alice = server.connect("alice", "a-pw", "phone");
        mail.optIn(alice);
        alice.disconnect();
        XMPPTCPConnection bob = server.connect("bob", "b-pw", "desk");
        Inbox<Message> bobInbox = Inbox.messages(bob);
        var store = server.server().context().stores().mail();
        EntityBareJid aliceJid = JidCreate.entityBareFrom("alice@localhost");
        String live = "0123456789abcdef0123456789abcdef01234567";
        String expired = "fedcba9876543210fedcba9876543210fedcba98";
        store.saveToken(new ReplyToken(live, aliceJid, "bob@localhost", Instant.now().plusSeconds(3600)));
        store.saveToken(new ReplyToken(expired, aliceJid, "bob@localhost", Instant.now().minusSeconds(1)));

        assertThat(Mailbox.sendReply(replyPort, MAILBOX, "reply+" + live.replace('0', '1') + "@mail.localhost", "forged")).isEqualTo(550);
        assertThat(Mailbox.sendReply(replyPort, MAILBOX, "reply+" + expired + "@mail.localhost", "too late")).isEqualTo(550);
        assertThat(Mailbox.sendReply(replyPort, "mallory@evil.test", "reply+" + live + "@mail.localhost", "not alice")).isEqualTo(550);
        bobInbox.assertNothingMore(500);

        assertThat(Mailbox.sendReply(replyPort, MAILBOX, "reply+" + live + "@mail.localhost", "the real one")).isEqualTo(250);
        assertThat(bobInbox.next().getBody()).isEqualTo("the real one");
        bob.disconnect();
    }
}
