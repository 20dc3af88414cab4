package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension.Direction;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XEP-0280 with Smack's CarbonManager: alice on a phone (priority 5), a laptop (priority 1) with
 * carbons, and a watch (priority 0) without. Each copy is checked by Smack itself: it accepts
 * carbons only from the account's own bare JID.
 */
class CarbonsIT {
    private static ItServer server;
    private static EntityBareJid alice;
    private static XMPPTCPConnection phone;
    private static XMPPTCPConnection laptop;
    private static XMPPTCPConnection watch;
    private static XMPPTCPConnection bob;
    private static final LinkedBlockingQueue<String> phoneCopies = new LinkedBlockingQueue<>();
    private static final LinkedBlockingQueue<String> laptopCopies = new LinkedBlockingQueue<>();
    private static Inbox<Message> phoneInbox;
    private static Inbox<Message> laptopInbox;
    private static Inbox<Message> watchInbox;
    private static Inbox<Message> bobInbox;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
        alice = server.user("alice", "a-pw");
        server.user("bob", "b-pw");
        phone = withCarbons("phone", 5, phoneCopies);
        laptop = withCarbons("laptop", 1, laptopCopies);
        watch = Acks.loginWithStreamManagement(server.connection("alice", "a-pw", "watch"), false);
        bob = server.connect("bob", "b-pw", "desk");
        phoneInbox = Inbox.messages(phone);
        laptopInbox = Inbox.messages(laptop);
        watchInbox = Inbox.messages(watch);
        bobInbox = Inbox.messages(bob);
    }

    /** Logs in, sets the priority (acknowledged, so routing sees it) and enables carbons; copies are recorded as "direction: body". */
    private static XMPPTCPConnection withCarbons(String resource, int priority, LinkedBlockingQueue<String> copies) throws Exception {
        XMPPTCPConnection c = Acks.loginWithStreamManagement(server.connection("alice", "a-pw", resource), false);
        Acks.send(c, c.getStanzaFactory().buildPresenceStanza().setPriority(priority).build());
        CarbonManager carbons = CarbonManager.getInstanceFor(c);
        assertThat(carbons.isSupportedByServer()).isTrue();
        carbons.addCarbonCopyReceivedListener((direction, copy, wrapper) -> copies.add(direction + ": " + copy.getBody()));
        carbons.enableCarbons();
        assertThat(carbons.getCarbonsEnabled()).isTrue();
        return c;
    }

    @AfterAll
    static void stop() throws Exception {
        for (XMPPTCPConnection c : new XMPPTCPConnection[] {phone, laptop, watch, bob}) if (c != null) c.disconnect();
        server.close();
    }

    private static String nextCopy(LinkedBlockingQueue<String> copies) throws InterruptedException {
        String copy = copies.poll(Inbox.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(copy).as("a carbon copy").isNotNull();
        return copy;
    }

    private static void noMoreCopiesOrMessages() throws InterruptedException {
        assertThat(phoneCopies.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(laptopCopies).isEmpty();
        phoneInbox.assertNothingMore(0);
        laptopInbox.assertNothingMore(0);
        watchInbox.assertNothingMore(0);
        bobInbox.assertNothingMore(0);
    }

    @Test
    void toTheBareJidTheOtherCarbonsResourceGetsAReceivedCopy() throws Exception {
        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(alice).ofType(Message.Type.chat).setBody("to alice").build());
        Message original = phoneInbox.next();
        assertThat(original.getBody()).isEqualTo("to alice");
        assertThat(original.getFrom().toString()).isEqualTo("bob@localhost/desk");
        assertThat(nextCopy(laptopCopies)).isEqualTo(Direction.received + ": to alice");
        noMoreCopiesOrMessages();
    }

    @Test
    void toOneFullJidTheOtherCarbonsResourceGetsAReceivedCopy() throws Exception {
        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(laptop.getUser()).ofType(Message.Type.chat)
                .setBody("to the laptop").build());
        assertThat(laptopInbox.next().getBody()).isEqualTo("to the laptop");
        assertThat(nextCopy(phoneCopies)).isEqualTo(Direction.received + ": to the laptop");
        noMoreCopiesOrMessages();
    }

    @Test
    void whatOneResourceSendsTheOtherGetsAsASentCopy() throws Exception {
        phone.sendStanza(phone.getStanzaFactory().buildMessageStanza().to(bob.getUser().asEntityBareJid()).ofType(Message.Type.chat)
                .setBody("from the phone").build());
        Message m = bobInbox.next();
        assertThat(m.getBody()).isEqualTo("from the phone");
        assertThat(m.getFrom().toString()).isEqualTo("alice@localhost/phone");
        assertThat(nextCopy(laptopCopies)).isEqualTo(Direction.sent + ": from the phone");
        noMoreCopiesOrMessages();
    }

    @Test
    void aPrivateMessageIsNotCopied() throws Exception {
        Message m = bob.getStanzaFactory().buildMessageStanza().to(alice).ofType(Message.Type.chat).setBody("just for the phone").build();
        CarbonManager.disableCarbons(m);
        bob.sendStanza(m);
        assertThat(phoneInbox.next().getBody()).isEqualTo("just for the phone");
        noMoreCopiesOrMessages();
    }
}
