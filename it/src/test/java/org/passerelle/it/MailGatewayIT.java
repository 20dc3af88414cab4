package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.AdHocCommandResult;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.form.FillableForm;
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
    private static final String NODE = "urn:passerelle:mail:forward";
    private static final String MAILBOX = "alice@mail.test";

    private GreenMail mail;
    private ItServer server;
    private int replyPort;

    @BeforeEach
    void start() throws Exception {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort(),
                new ServerSetup(0, "127.0.0.1", "imap").dynamicPort()});
        mail.start();
        mail.setUser(MAILBOX, "alice", "mail-pw");
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
                """.formatted(batchSeconds, mail.getSmtp().getPort(), replyPort));
        server.user("alice", "a-pw");
        server.user("bob", "b-pw");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
        mail.stop();
    }

    @Test
    void aBatchWaitingAtARestartIsSentAfterIt() throws Exception {
        startServer(5);
        XMPPTCPConnection alice = server.connect("alice", "a-pw", "phone");
        optIn(alice);
        alice.disconnect();
        XMPPTCPConnection bob = server.connect("bob", "b-pw", "desk");
        EntityBareJid aliceJid = JidCreate.entityBareFrom("alice@localhost");
        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(aliceJid).ofType(Message.Type.chat).setBody("still there?").build());
        awaitPending(aliceJid, 1);
        bob.disconnect();

        server.restart();
        assertThat(server.server().context().stores().mail().pending(aliceJid, 10)).as("not sent before the restart").hasSize(1);
        List<Mail> mails = awaitMails(2);
        assertThat(mails.get(1).text()).contains("  still there?");
        Thread.sleep(1500);
        assertThat(imap()).as("sent once").hasSize(2);
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
        optIn(alice);
        alice.disconnect();

        XMPPTCPConnection bob = server.connect("bob", "b-pw", "desk");
        Inbox<Message> bobInbox = Inbox.messages(bob);
        EntityBareJid aliceJid = JidCreate.entityBareFrom("alice@localhost");
        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(aliceJid).ofType(Message.Type.chat).setBody("dinner tonight?").build());
        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(aliceJid).ofType(Message.Type.chat).setBody("8pm at Luigi's").build());

        List<Mail> inbox = awaitMails(2); // the code, then the batch
        Thread.sleep(2500);
        assertThat(imap()).as("one mail for the batch").hasSize(2);
        Mail batch = inbox.get(1);
        assertThat(batch.subject()).isEqualTo("2 new messages from bob@localhost");
        assertThat(batch.text()).contains("From bob@localhost:").contains("  dinner tonight?").contains("  8pm at Luigi's");
        assertThat(batch.replyTo()).matches("reply\\+[0-9a-f]{40}@mail\\.localhost");

        // Alice answers from her mail client; bob sees it as a chat from alice, without the quote.
        assertThat(sendReply(MAILBOX, batch.replyTo(),
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
        optIn(alice);
        alice.disconnect();
        XMPPTCPConnection bob = server.connect("bob", "b-pw", "desk");
        Inbox<Message> bobInbox = Inbox.messages(bob);
        var store = server.server().context().stores().mail();
        EntityBareJid aliceJid = JidCreate.entityBareFrom("alice@localhost");
        String live = "0123456789abcdef0123456789abcdef01234567";
        String expired = "fedcba9876543210fedcba9876543210fedcba98";
        store.saveToken(new ReplyToken(live, aliceJid, "bob@localhost", Instant.now().plusSeconds(3600)));
        store.saveToken(new ReplyToken(expired, aliceJid, "bob@localhost", Instant.now().minusSeconds(1)));

        assertThat(sendReply(MAILBOX, "reply+" + live.replace('0', '1') + "@mail.localhost", "forged")).isEqualTo(550);
        assertThat(sendReply(MAILBOX, "reply+" + expired + "@mail.localhost", "too late")).isEqualTo(550);
        assertThat(sendReply("mallory@evil.test", "reply+" + live + "@mail.localhost", "not alice")).isEqualTo(550);
        bobInbox.assertNothingMore(500);

        assertThat(sendReply(MAILBOX, "reply+" + live + "@mail.localhost", "the real one")).isEqualTo(250);
        assertThat(bobInbox.next().getBody()).isEqualTo("the real one");
        bob.disconnect();
    }

    /** Runs the command: address, code from the mailbox, confirmation. */
    private void optIn(XMPPTCPConnection alice) throws Exception {
        AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(alice);
        var domain = JidCreate.domainBareFrom("localhost");
        assertThat(commands.discoverCommands(domain).getItems()).extracting(DiscoverItems.Item::getNode).contains(NODE);
        AdHocCommand command = commands.getRemoteCommand(domain, NODE);
        FillableForm choice = command.execute().asExecutingOrThrow().getFillableForm();
        choice.setAnswer("action", "address");
        choice.setAnswer("address", MAILBOX);
        FillableForm codeForm = command.next(choice.getSubmitForm()).asExecutingOrThrow().getFillableForm();

        Mail codeMail = awaitMails(1).getFirst();
        Matcher m = Pattern.compile("\\n {4}([A-Z2-9]{8})\\n").matcher(codeMail.text());
        assertThat(m.find()).as(codeMail.text()).isTrue();
        codeForm.setAnswer("code", m.group(1));
        AdHocCommandResult done = command.complete(codeForm.getSubmitForm());
        assertThat(done.getResponse().getStatus()).isEqualTo(AdHocCommandData.Status.completed);
        assertThat(done.getResponse().getNotes()).extracting(AdHocCommandNote::getValue).anyMatch(v -> v.contains(MAILBOX));
    }

    record Mail(String subject, String text, String replyTo) {
    }

    /** The mails in alice's INBOX over IMAP, oldest first. */
    private List<Mail> imap() throws Exception {
        Properties p = new Properties();
        Session session = Session.getInstance(p);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", mail.getImap().getPort(), "alice", "mail-pw");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> out = new ArrayList<>();
            for (jakarta.mail.Message msg : inbox.getMessages()) {
                Address[] replyTo = msg.getReplyTo();
                String r = replyTo == null || replyTo.length == 0 ? null : ((InternetAddress) replyTo[0]).getAddress();
                out.add(new Mail(msg.getSubject(), msg.getContent().toString().replace("\r", ""), r));
            }
            inbox.close(false);
            return out;
        }
    }

    private List<Mail> awaitMails(int count) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<Mail> mails = imap();
            if (mails.size() >= count) return mails;
            if (System.currentTimeMillis() > deadline) throw new AssertionError("expected " + count + " mails, got " + mails.size());
            Thread.sleep(200);
        }
    }

    /** A mail client writing straight to the reply receiver: 250, or the SMTP code of the refusal. */
    private int sendReply(String from, String to, String text) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(replyPort));
        p.put("mail.smtp.from", from);
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(RecipientType.TO, new InternetAddress(to));
        m.setSubject("Re: your messages");
        m.setText(text, "UTF-8");
        try {
            Transport.send(m);
            return 250;
        } catch (MessagingException e) {
            for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
                if (x instanceof SMTPAddressFailedException a) return a.getReturnCode();
                if (x instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s) return s.getReturnCode();
            }
            throw e;
        }
    }
}
