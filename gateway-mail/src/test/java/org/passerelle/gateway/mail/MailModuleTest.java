package org.passerelle.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.adhoc.AdhocModule;
import org.passerelle.modules.charging.ChargingModule;
import org.passerelle.modules.message.MessageModule;
import org.passerelle.modules.offline.OfflineModule;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

/**
 * The module on the core with GreenMail as the relay, a real SMTP client for replies, and the
 * charging module pricing the mails (records land in the charging store with the mail's state).
 */
class MailModuleTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    private static final String MAILBOX = "alice@mail.test";

    private GreenMail relay;
    private TestServer server;
    private MailModule mail;

    @BeforeEach
    void start() {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        relay.start();
        mail = new MailModule();
        server = new TestServer("""
                modules:
                  mail:
                    enabled: true
                    batchSeconds: 1
                    maxCodeAttempts: 2
                    relay: {host: 127.0.0.1, port: %d, security: none, from: noreply@localhost}
                    replies: {domain: mail.localhost, listenHost: 127.0.0.1, port: 0, maxMessageBytes: 4096, maxRecipients: 2}
                  charging:
                    tariff:
                      - {item: mail-fwd, channel: mail, direction: in, unit: message, price: "0.02", currency: EUR}
                      - {item: mail-reply, channel: mail, direction: out, unit: message, price: "0.05", currency: EUR}
                """.formatted(relay.getSmtp().getPort()),
                new PresenceModule(), new MessageModule(), new OfflineModule(), new AdhocModule(), new ChargingModule(), mail);
    }

    /** Alice's charging records, in order. */
    private List<ChargingRecord> charged() {
        return server.context().stores().charging().records(ALICE, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 100);
    }

    @AfterEach
    void stop() {
        server.close();
        relay.stop();
    }

    private Element command(TestSession s, String sessionId, String fields) {
        String form = fields == null ? "" : "<x xmlns='jabber:x:data' type='submit'>" + fields + "</x>";
        server.send(s, "<iq type='set' id='c' to='localhost'><command xmlns='http://jabber.org/protocol/commands' node='"
                + ForwardCommand.NODE + "'" + (sessionId == null ? "" : " sessionid='" + sessionId + "'") + ">" + form + "</command></iq>");
        Stanza answer = s.next();
        assertThat(answer.type()).as(answer.toString()).isEqualTo("result");
        return answer.element().child("command", AdhocModule.NS);
    }

    private static String field(String var, String value) {
        return "<field var='" + var + "'><value>" + value + "</value></field>";
    }

    private static String note(Element command) {
        return command.childText("note", AdhocModule.NS);
    }

    /** Runs the command to mail a code; returns the code from the mail that arrived. */
    private String askCode(TestSession alice) throws Exception {
        String id = command(alice, null, null).attr("sessionid");
        Element stage = command(alice, id, field("action", "address") + field("address", " Alice@Mail.test "));
        assertThat(stage.attr("status")).isEqualTo("executing");
        assertThat(relay.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage codeMail = relay.getReceivedMessages()[relay.getReceivedMessages().length - 1];
        assertThat(codeMail.getAllRecipients()[0].toString()).isEqualTo(MAILBOX);
        Matcher m = Pattern.compile("\\n {4}([A-Z2-9]{8})\\n").matcher(codeMail.getContent().toString().replace("\r", ""));
        assertThat(m.find()).isTrue();
        return id + " " + m.group(1);
    }

    /** Alice, who forwards to {@link #MAILBOX}, has gone offline; the address to reply to her conversation with {@code peer}. */
    private String aliceAwayReplyingTo(String peer) throws Exception {
        TestSession alice = server.login("alice@localhost/phone");
        verify(alice);
        server.logout(alice);
        return new ReplyTokens(server.context().stores().mail(), server.context().clock(), "mail.localhost",
                java.time.Duration.ofDays(1)).addressFor(ALICE, peer);
    }

    /** Bob, online, with nothing received yet. */
    private TestSession bobOnline() {
        TestSession bob = server.login("bob@localhost/desk");
        server.available(bob);
        bob.clear();
        return bob;
    }

    private void verify(TestSession alice) throws Exception {
        String[] idAndCode = askCode(alice).split(" ");
        Element done = command(alice, idAndCode[0], field("code", idAndCode[1].toLowerCase()));
        assertThat(done.attr("status")).isEqualTo("completed");
        assertThat(note(done)).contains("will be mailed to " + MAILBOX);
    }

    @Test
    void aVerifiedUserGetsOneMailPerBatchAndTheMessagesStayOffline() throws Exception {
        TestSession alice = server.login("alice@localhost/phone");
        verify(alice);
        relay.purgeEmailFromAllMailboxes();
        server.logout(alice);

        TestSession bob = server.login("bob@localhost/desk");
        server.available(bob);
        bob.clear();
        server.send(bob, "<message to='alice@localhost' type='chat' id='m1'><body>dinner tonight?</body></message>");
        server.send(bob, "<message to='alice@localhost' type='chat' id='m2'><body>8pm at Luigi's</body></message>");
        server.send(bob, "<message to='alice@localhost' type='chat' id='m3'><active xmlns='http://jabber.org/protocol/chatstates'/></message>");

        assertThat(relay.waitForIncomingEmail(5000, 1)).isTrue();
        Thread.sleep(1500);
        MimeMessage[] mails = relay.getReceivedMessages();
        assertThat(mails).hasSize(1);
        String text = mails[0].getContent().toString();
        assertThat(text).contains("From bob@localhost:").contains("  dinner tonight?").contains("  8pm at Luigi's");
        assertThat(mails[0].getSubject()).isEqualTo("2 new messages from bob@localhost");
        assertThat(mails[0].getReplyTo()[0].toString()).matches("reply\\+[0-9a-f]{40}@mail\\.localhost");
        assertThat(mails[0].getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(server.context().stores().offline().count(ALICE)).as("forwarding is a copy").isEqualTo(2);
        assertThat(server.context().stores().mail().pending(ALICE, 10)).isEmpty();
        assertThat(charged()).singleElement().satisfies(c -> {
            assertThat(c.user().toString()).isEqualTo(ALICE.toString());
            assertThat(c.channel()).isEqualTo("mail");
            assertThat(c.direction()).isEqualTo("in");
            assertThat(c.peer()).isEqualTo(MAILBOX);
            assertThat(c.tariffItem()).isEqualTo("mail-fwd");
            assertThat(c.amount()).isEqualByComparingTo("0.02");
        });

        // The reply, with quotes and a signature, reaches bob as a chat message from alice.
        SmtpClient client = new SmtpClient(mail.replyPort());
        String reply = mails[0].getReplyTo()[0].toString();
        int code = client.send(client.text(MAILBOX, reply, "See you there!\n\nOn Thu, Passerelle wrote:\n> dinner tonight?\n-- \nAlice"),
                MAILBOX, reply);
        assertThat(code).isEqualTo(250);
        Stanza chat = bob.next();
        assertThat(chat.from().toString()).isEqualTo("alice@localhost");
        assertThat(chat.type()).isEqualTo("chat");
        assertThat(chat.element().childText("body", Namespaces.CLIENT)).isEqualTo("See you there!");
        assertThat(charged()).hasSize(2);
        assertThat(charged().get(1).direction()).isEqualTo("out");
        assertThat(charged().get(1).peer()).isEqualTo("bob@localhost");
        assertThat(charged().get(1).tariffItem()).isEqualTo("mail-reply");
    }

    @Test
    void badRepliesAreRefusedAndNothingIsRoutedOrCharged() throws Exception {
        String reply = aliceAwayReplyingTo("bob@localhost");
        TestSession bob = bobOnline();
        String token = reply.substring(6, 46);
        SmtpClient client = new SmtpClient(mail.replyPort());

        String forged = "reply+" + new StringBuilder(token).reverse() + "@mail.localhost";
        assertThat(client.send(client.text(MAILBOX, forged, "hi"), MAILBOX, forged)).as("forged token").isEqualTo(550);
        assertThat(client.send(client.text(MAILBOX, "postmaster@mail.localhost", "hi"), MAILBOX, "postmaster@mail.localhost"))
                .isEqualTo(550);
        assertThat(client.send(client.text("mallory@evil.test", reply, "hi"), "mallory@evil.test", reply))
                .as("not the verified address").isEqualTo(550);
        assertThat(client.send(client.text(MAILBOX, reply, "x".repeat(8000)), MAILBOX, reply)).as("oversized").isEqualTo(552);
        assertThat(client.send(client.text(MAILBOX, reply, "> only a quote"), MAILBOX, reply)).as("no text").isEqualTo(550);
        var auto = client.text(MAILBOX, reply, "I am on holiday");
        auto.setHeader("Auto-Submitted", "auto-replied");
        assertThat(client.send(auto, MAILBOX, reply)).as("vacation responder").isEqualTo(550);
        assertThat(client.send(client.raw("From: <<<broken\nTo: " + reply + "\nContent-Type: text/plain\n\nhi\n"), MAILBOX, reply))
                .as("malformed").isEqualTo(554);
        assertThat(client.send(client.text(MAILBOX, reply, "hi"), MAILBOX, reply, forged, "reply+" + "0".repeat(40) + "@mail.localhost"))
                .as("a forged recipient beside the live one: the client gives up").isEqualTo(550);
        bob.assertNothingMore();
        assertThat(charged()).isEmpty();

        // An HTML-only reply is taken as text, its quoted block left out.
        var html = client.raw("From: Alice <" + MAILBOX + ">\nTo: " + reply + "\nSubject: Re\nMIME-Version: 1.0\n"
                + "Content-Type: text/html; charset=UTF-8\n\n<p>Yes &amp; no</p><blockquote>dinner?</blockquote>\n");
        assertThat(client.send(html, MAILBOX, reply)).isEqualTo(250);
        assertThat(bob.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("Yes & no");
        assertThat(charged()).hasSize(1);
    }

    @Test
    void wrongCodesEndTheAttemptAndOffStopsForwarding() throws Exception {
        TestSession alice = server.login("alice@localhost/phone");
        String id = askCode(alice).split(" ")[0];
        assertThat(note(command(alice, id, field("code", "WRONG")))).startsWith("Wrong code;");
        assertThat(server.context().stores().mail().subscription(ALICE).orElseThrow().verified()).isFalse();

        // Enter a code again through the "code" action: the second wrong one drops the address.
        String again = command(alice, null, null).attr("sessionid");
        assertThat(command(alice, again, field("action", "code")).attr("status")).isEqualTo("executing");
        assertThat(note(command(alice, again, field("code", "WRONG")))).contains("too many times");
        assertThat(server.context().stores().mail().subscription(ALICE)).isEmpty();

        verify(alice);
        String off = command(alice, null, null).attr("sessionid");
        assertThat(note(command(alice, off, field("action", "off")))).isEqualTo("E-mail forwarding is off.");
        assertThat(server.context().stores().mail().subscription(ALICE)).isEmpty();
    }

    @Test
    void unverifiedUsersAreNotForwarded() throws Exception {
        TestSession alice = server.login("alice@localhost/phone");
        askCode(alice);
        relay.purgeEmailFromAllMailboxes();
        server.logout(alice);
        TestSession bob = server.login("bob@localhost/desk");
        server.send(bob, "<message to='alice@localhost' type='chat'><body>hello?</body></message>");
        assertThat(server.context().stores().mail().pending(ALICE, 10)).isEmpty();
        assertThat(relay.waitForIncomingEmail(1500, 1)).isFalse();
        assertThat(server.context().stores().offline().count(ALICE)).isEqualTo(1);
    }

    @Test
    void bouncesAndTooManyRecipientsAreRefused() throws Exception {
        TestSession alice = server.login("alice@localhost/phone");
        verify(alice);
        server.logout(alice);
        ReplyTokens tokens = new ReplyTokens(server.context().stores().mail(), server.context().clock(), "mail.localhost",
                java.time.Duration.ofDays(1));
        String toBob = tokens.addressFor(ALICE, "bob@localhost");
        String toCarol = tokens.addressFor(ALICE, "carol@localhost");
        String toDave = tokens.addressFor(ALICE, "dave@localhost");
        SmtpClient client = new SmtpClient(mail.replyPort());
        assertThat(client.send(client.text(MAILBOX, toBob, "hi"), "<>", toBob)).as("a bounce").isEqualTo(550);
        assertThat(client.send(client.text(MAILBOX, toBob, "hi"), MAILBOX, toBob, toCarol, toDave)).as("maxRecipients 2")
                .isEqualTo(452);
        assertThat(charged()).isEmpty();
    }

    @Test
    void aReplySentAgainIsAcceptedButRoutedAndChargedOnce() throws Exception {
        String reply = aliceAwayReplyingTo("bob@localhost");
        TestSession bob = bobOnline();
        SmtpClient client = new SmtpClient(mail.replyPort());

        // As a client that saw no 250 sends the same mail again: same Message-ID.
        var first = client.withMessageId(client.text(MAILBOX, reply, "on my way"), "<r1@mail.test>");
        assertThat(client.send(first, MAILBOX, reply)).isEqualTo(250);
        assertThat(client.send(client.withMessageId(client.text(MAILBOX, reply, "on my way"), "<r1@mail.test>"), MAILBOX, reply))
                .as("accepted, so the client stops").isEqualTo(250);
        assertThat(bob.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("on my way");
        bob.assertNothingMore();
        assertThat(charged()).extracting(ChargingRecord::direction).containsExactly("out");

        // Another mail with the same text is another reply.
        assertThat(client.send(client.withMessageId(client.text(MAILBOX, reply, "on my way"), "<r2@mail.test>"), MAILBOX, reply))
                .isEqualTo(250);
        assertThat(bob.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("on my way");
        assertThat(charged()).hasSize(2);

        // Without a Message-ID, the same mail sent again is recognised by its date and text.
        var noId = client.withMessageId(client.text(MAILBOX, reply, "running late\n\n> quoted"), null);
        noId.setHeader("Date", "Thu, 26 Nov 2026 09:00:00 +0000");
        assertThat(client.send(noId, MAILBOX, reply)).isEqualTo(250);
        assertThat(noId.getMessageID()).isNull();
        assertThat(client.send(noId, MAILBOX, reply)).isEqualTo(250);
        assertThat(bob.next().element().childText("body", Namespaces.CLIENT)).isEqualTo("running late");
        bob.assertNothingMore();
        assertThat(charged()).hasSize(3);
    }

    @Test
    void aReplyNobodyTakesIsNotCharged() throws Exception {
        // The peer's account is gone: the routed reply bounces, and its record goes with it.
        String reply = aliceAwayReplyingTo("ghost@localhost");
        SmtpClient client = new SmtpClient(mail.replyPort());
        assertThat(client.send(client.text(MAILBOX, reply, "anyone there?"), MAILBOX, reply)).isEqualTo(250);
        assertThat(charged()).isEmpty();
    }

    @Test
    void aBatchIsDroppedWhenTheUserComesBackAndEverythingGoesWithTheAccount() throws Exception {
        TestSession alice = server.login("alice@localhost/phone");
        verify(alice);
        server.logout(alice);
        relay.purgeEmailFromAllMailboxes();
        TestSession bob = server.login("bob@localhost/desk");
        server.send(bob, "<message to='alice@localhost' type='chat'><body>quick one</body></message>");
        assertThat(server.context().stores().mail().pending(ALICE, 10)).hasSize(1);
        TestSession back = server.login("alice@localhost/laptop");
        server.available(back);
        assertThat(server.context().stores().mail().pending(ALICE, 10)).isEmpty();
        assertThat(relay.waitForIncomingEmail(1500, 1)).as("no mail: the user got the message").isFalse();

        server.context().stores().mail().saveToken(new org.passerelle.core.store.ReplyToken("t", ALICE, "bob@localhost",
                java.time.Instant.now().plusSeconds(60)));
        server.context().events().publish(new org.passerelle.core.event.AccountDeleted(ALICE));
        assertThat(server.context().stores().mail().subscription(ALICE)).isEmpty();
        assertThat(server.context().stores().mail().token("t")).isEmpty();
    }
}
