package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.AdHocCommandResult;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.gateway.sms.smpp.SmscSimulator.Submitted;

/**
 * The SMS gateway against an SMSC simulator on jSMPP's server API (a real SMPP peer on a local
 * port), with Smack users: linking a phone by a code, forwarding while offline with a delivery
 * receipt as XEP-0184, a concatenated UCS-2 text, every command from the phone, phones as
 * contacts, and an SMSC outage during which SMS wait and are then sent once.
 */
class SmsGatewayIT {
    private static final long WAIT = 5000;
    private static SmscSimulator smsc;
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        smsc = SmscSetup.simulator();
        // A submit_sm in flight when the SMSC stops is given up at responseTimeoutSeconds (SMS.md).
        server = ItServer.start("modules:\n" + SmscSetup.sms(smsc, "reconnectMinSeconds: 1", "reconnectMaxSeconds: 1",
                "responseTimeoutSeconds: 2"));
        smsc.awaitBound(WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        smsc.close();
    }

    @Test
    void aLinkedPhoneGetsMessagesWhileOfflineWithReceiptsAndLongUnicodeTexts() throws Exception {
        server.user("alice", "a-pw");
        server.user("bob", "b-pw");
        XMPPTCPConnection alice = server.connect("alice", "a-pw", "phone-app");
        link(alice, "+33611111111");

        XMPPTCPConnection mallory = connectNew("mallory");
        assertThat(runLink(mallory, "+33611111111")).as("one number, one account").contains("linked to another account");
        smsc.assertNothing(300);
        mallory.disconnect();
        alice.disconnect();

        XMPPTCPConnection bobClient = server.connect("bob", "b-pw", "desk");
        Inbox<Message> receipts = Inbox.of(bobClient, Message.class, m -> DeliveryReceipt.from(m) != null, "a delivery receipt");
        MessageBuilder hello = bobClient.getStanzaFactory().buildMessageStanza().to(jid("alice@localhost")).ofType(Message.Type.chat)
                .setBody("Hello alice");
        DeliveryReceiptRequest.addTo(hello);
        Message sent = hello.build();
        bobClient.sendStanza(sent);
        Submitted sms = smsc.next(WAIT);
        assertThat(sms.destination()).isEqualTo("33611111111");
        assertThat(sms.source()).isEqualTo("12345");
        assertThat(sms.text()).isEqualTo("[1] bob@localhost: Hello alice");
        assertThat(sms.dataCoding()).isEqualTo((byte) 0);
        assertThat(sms.registeredDelivery() & 0x03).as("delivery receipt asked").isEqualTo(1);

        smsc.receipt(sms);
        Message receipt = receipts.next();
        assertThat(receipt.getFrom().toString()).isEqualTo("alice@localhost");
        assertThat(DeliveryReceipt.from(receipt).getId()).isEqualTo(sent.getStanzaId());

        String russian = "\u041f\u0440\u0438\u0432\u0435\u0442, \u0410\u043b\u0438\u0441\u0430! ".repeat(8); // 120 characters
        bobClient.sendStanza(bobClient.getStanzaFactory().buildMessageStanza().to(jid("alice@localhost")).ofType(Message.Type.chat).setBody(russian).build());
        List<Submitted> parts = List.of(smsc.next(WAIT), smsc.next(WAIT), smsc.next(WAIT));
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Submitted p = parts.get(i);
            assertThat(p.dataCoding()).as("UCS-2").isEqualTo((byte) 8);
            assertThat(p.udhi()).isTrue();
            assertThat(p.message()[4]).as("3 parts").isEqualTo((byte) 3);
            assertThat(p.message()[5]).as("part number").isEqualTo((byte) (i + 1));
            assertThat(p.message()[3]).as("one reference").isEqualTo(parts.getFirst().message()[3]);
            whole.append(p.text());
        }
        assertThat(whole.toString()).isEqualTo("[1] bob@localhost: " + russian);
        smsc.assertNothing(300);
        bobClient.disconnect();
    }

    @Test
    void thePhoneRunsCommands() throws Exception {
        XMPPTCPConnection carol = connectNew("carol");
        link(carol, "+33633333333");
        carol.disconnect();
        XMPPTCPConnection dave = connectNew("dave");
        XMPPTCPConnection erin = connectNew("erin");
        Inbox<Message> toDave = Inbox.messages(dave);
        Inbox<Presence> toErin = Inbox.of(erin, Presence.class, p -> p.getType() == Presence.Type.subscribe, "a subscription request");

        smsc.deliver("33633333333", "12345", "@dave@localhost Hi dave", null);
        Message m = toDave.next();
        assertThat(m.getFrom().toString()).isEqualTo("carol@localhost/sms");
        assertThat(m.getBody()).isEqualTo("Hi dave");

        dave.sendStanza(dave.getStanzaFactory().buildMessageStanza().to(jid("carol@localhost")).ofType(Message.Type.chat)
                .setBody("hey carol").build());
        assertThat(smsc.next(WAIT).text()).isEqualTo("[1] dave@localhost: hey carol");
        smsc.deliver("33633333333", "12345", "1 thanks", null);
        assertThat(toDave.next().getBody()).isEqualTo("thanks");

        smsc.deliver("33633333333", "12345", "?", null);
        assertThat(smsc.next(WAIT).text()).contains("1 dave@localhost: online").contains("SMS offline");

        smsc.deliver("33633333333", "12345", "ADD erin@localhost", null);
        assertThat(smsc.next(WAIT).text()).isEqualTo("Added 2 erin@localhost");
        assertThat(toErin.next().getFrom().asBareJid().toString()).isEqualTo("carol@localhost");
        smsc.deliver("33633333333", "12345", "DEL 2", null);
        assertThat(smsc.next(WAIT).text()).isEqualTo("Removed 2 erin@localhost");

        smsc.deliver("33633333333", "12345", "ON", null);
        assertThat(smsc.next(WAIT).text()).startsWith("You are online on mobile");
        assertThat(mobileSession("carol")).as("a virtual session on mobile").isNotNull();
        assertThat(mobileSession("carol").presence().element().childText("status", "jabber:client")).isEqualTo("On mobile (SMS)");
        smsc.deliver("33633333333", "12345", "OFF", null);
        assertThat(smsc.next(WAIT).text()).startsWith("You are offline");
        assertThat(mobileSession("carol")).isNull();

        smsc.deliver("33633333333", "12345", "what?", null);
        assertThat(smsc.next(WAIT).text()).startsWith("Commands:");
        smsc.deliver("33633333333", "12345", "HELP", null);
        assertThat(smsc.next(WAIT).text()).startsWith("Commands:");

        smsc.deliver("33633333333", "12345", "@dave@localhost once", (short) 77);
        smsc.deliver("33633333333", "12345", "@dave@localhost once", (short) 77);
        assertThat(toDave.next().getBody()).isEqualTo("once");
        toDave.assertNothingMore(500);

        smsc.deliver("33699999999", "12345", "@dave@localhost from a stranger", null);
        toDave.assertNothingMore(500);

        smsc.deliver("33633333333", "12345", "STOP", null);
        assertThat(smsc.next(WAIT).text()).startsWith("No more messages by SMS");
        dave.sendStanza(dave.getStanzaFactory().buildMessageStanza().to(jid("carol@localhost")).ofType(Message.Type.chat)
                .setBody("still there?").build());
        smsc.assertNothing(700);
        dave.disconnect();
        erin.disconnect();
    }

    @Test
    void usersTextPhonesThatHaveNoAccount() throws Exception {
        XMPPTCPConnection frank = connectNew("frank");
        Inbox<Message> receipts = Inbox.of(frank, Message.class, m -> DeliveryReceipt.from(m) != null, "a delivery receipt");
        Inbox<Message> replies = Inbox.messages(frank);
        MessageBuilder hi = frank.getStanzaFactory().buildMessageStanza().to(jid("+33622222222@sms.localhost")).ofType(Message.Type.chat)
                .setBody("Hi phone");
        DeliveryReceiptRequest.addTo(hi);
        Message sent = hi.build();
        frank.sendStanza(sent);
        Submitted sms = smsc.next(WAIT);
        assertThat(sms.destination()).isEqualTo("33622222222");
        assertThat(sms.text()).isEqualTo("frank@localhost: Hi phone");

        smsc.receipt(sms);
        Message receipt = receipts.next();
        assertThat(receipt.getFrom().toString()).isEqualTo("+33622222222@sms.localhost");
        assertThat(DeliveryReceipt.from(receipt).getId()).isEqualTo(sent.getStanzaId());

        smsc.deliver("33622222222", "12345", "Hi frank \u263a", null);
        Message reply = replies.next();
        assertThat(reply.getFrom().toString()).isEqualTo("+33622222222@sms.localhost");
        assertThat(reply.getBody()).isEqualTo("Hi frank \u263a");
        frank.disconnect();
    }

    @Test
    void duringAnSmscOutageSmsWaitAndAreSentOnce() throws Exception {
        XMPPTCPConnection grace = connectNew("grace");
        link(grace, "+33644444444");
        grace.disconnect();
        XMPPTCPConnection ivan = connectNew("ivan");

        smsc.stop();
        for (String body : new String[] {"first", "second"}) {
            ivan.sendStanza(ivan.getStanzaFactory().buildMessageStanza().to(jid("grace@localhost")).ofType(Message.Type.chat)
                    .setBody(body).build());
        }
        Thread.sleep(1500);
        smsc.start();
        smsc.awaitBound(WAIT);
        List<String> texts = new ArrayList<>();
        texts.add(smsc.next(WAIT).text());
        texts.add(smsc.next(WAIT).text());
        assertThat(texts).containsExactly("[1] ivan@localhost: first", "[1] ivan@localhost: second");
        smsc.assertNothing(1200);
        ivan.disconnect();
    }

    @Test
    void queuedSmsOutliveARestart() throws Exception {
        XMPPTCPConnection judy = connectNew("judy");
        link(judy, "+33655555555");
        judy.disconnect();
        XMPPTCPConnection kim = connectNew("kim");
        smsc.stop();
        kim.sendStanza(kim.getStanzaFactory().buildMessageStanza().to(jid("judy@localhost")).ofType(Message.Type.chat)
                .setBody("kept across a restart").build());
        Thread.sleep(500);
        kim.disconnect();
        server.restart();
        smsc.start();
        smsc.awaitBound(WAIT);
        assertThat(smsc.next(WAIT).text()).isEqualTo("[1] kim@localhost: kept across a restart");
        smsc.assertNothing(1000);
    }

    private static XMPPTCPConnection connectNew(String name) throws Exception {
        server.user(name, name + "-pw");
        return server.connect(name, name + "-pw", "app");
    }

    private static org.passerelle.core.session.Session mobileSession(String user) {
        return server.server().context().sessions().get(Jids.of(user + "@localhost/sms").asEntityFullJidIfPossible());
    }

    /** Checks the command is listed at sms.localhost, then links the number (forwarding when offline). */
    private static void link(XMPPTCPConnection user, String phone) throws Exception {
        AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(user);
        assertThat(commands.discoverCommands(jid("sms.localhost")).getItems()).extracting(DiscoverItems.Item::getNode)
                .containsExactly("urn:passerelle:sms:link");
        PhoneLink.link(user, smsc, phone, "offline");
    }

    /** Runs the link command (at the user's domain, where the server's commands are) up to the number; returns the notes. */
    private static String runLink(XMPPTCPConnection user, String phone) throws Exception {
        AdHocCommand command = AdHocCommandManager.getAddHocCommandsManager(user).getRemoteCommand(jid("localhost"), "urn:passerelle:sms:link");
        FillableForm form = command.execute().asExecutingOrThrow().getFillableForm();
        form.setAnswer("phone", phone);
        AdHocCommandResult r = command.next(form.getSubmitForm());
        return r.getResponse().getNotes().stream().map(AdHocCommandNote::getValue).toList().toString();
    }

    private static Jid jid(String s) {
        return Jids.of(s);
    }
}
