package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XEP-0191 with Smack's BlockingCommandManager: alice blocks her contact bob, then unblocks him. */
class BlockingIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Message chat(XMPPTCPConnection from, Jid to, String body) {
        return from.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    /** Smack keeps the list it fetched once up to date from the server's pushes (§3.3); the result of a set may come first. */
    private static List<Jid> blockList(BlockingCommandManager blocking) {
        try {
            return blocking.getBlockList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void blockingHidesAliceAndBouncesBobUntilUnblocked() throws Exception {
        EntityBareJid aliceJid = server.user("alice", "a-pw");
        EntityBareJid bobJid = server.user("bob", "b-pw");
        XMPPTCPConnection alice = server.connect("alice", "a-pw", "home");
        XMPPTCPConnection bob = server.connect("bob", "b-pw", "work");
        Contacts.befriend(alice, bob);
        Inbox<Presence> bobSeesAlice = Inbox.presences(bob, aliceJid);
        Inbox<Message> aliceMessages = Inbox.messages(alice);
        Inbox<Message> bobErrors = Inbox.of(bob, Message.class, m -> m.getType() == Message.Type.error, "an error message");
        Inbox<Message> aliceErrors = Inbox.of(alice, Message.class, m -> m.getType() == Message.Type.error, "an error message");
        BlockingCommandManager blocking = BlockingCommandManager.getInstanceFor(alice);
        assertThat(blocking.isSupportedByServer()).isTrue();

        blocking.blockContacts(List.of(bobJid));
        Await.until("the block list push", () -> blockList(blocking).equals(List.of(bobJid)));
        Presence gone = bobSeesAlice.next();
        assertThat(gone.getType()).as("alice looks offline to bob").isEqualTo(Presence.Type.unavailable);
        assertThat(gone.getFrom().toString()).isEqualTo("alice@localhost/home");
        Await.until("bob's roster shows alice offline", () -> !Roster.getInstanceFor(bob).getPresence(aliceJid).isAvailable());

        Message toAlice = chat(bob, aliceJid, "are you there?");
        bob.sendStanza(toAlice);
        Message bounce = bobErrors.next();
        assertThat(bounce.getStanzaId()).isEqualTo(toAlice.getStanzaId());
        assertThat(bounce.getFrom().toString()).isEqualTo("alice@localhost");
        assertThat(bounce.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);

        alice.sendStanza(chat(alice, bobJid, "hello?"));
        StanzaError refused = aliceErrors.next().getError();
        assertThat(refused.getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat((Object) refused.getExtension("blocked", "urn:xmpp:blocking:errors")).as("XEP-0191 §3.5 blocked condition").isNotNull();

        alice.sendStanza(alice.getStanzaFactory().buildPresenceStanza().setStatus("not for bob").build());
        bobSeesAlice.assertNothingMore(300);
        aliceMessages.assertNothingMore(0);

        blocking.unblockContacts(List.of(bobJid));
        Await.until("the unblock push", () -> blockList(blocking).isEmpty());
        Presence back = bobSeesAlice.next();
        assertThat(back.getType()).isEqualTo(Presence.Type.available);
        assertThat(back.getStatus()).isEqualTo("not for bob");
        bob.sendStanza(chat(bob, aliceJid, "there you are"));
        Message delivered = aliceMessages.next();
        assertThat(delivered.getBody()).isEqualTo("there you are");
        bobErrors.assertNothingMore(200);
        alice.disconnect();
        bob.disconnect();
    }

    @Test
    void theBlockListIsPushedToTheOwnersOtherResources() throws Exception {
        server.user("carol", "c-pw");
        XMPPTCPConnection one = server.connect("carol", "c-pw", "one");
        XMPPTCPConnection two = server.connect("carol", "c-pw", "two");
        BlockingCommandManager onTwo = BlockingCommandManager.getInstanceFor(two);
        assertThat(onTwo.getBlockList()).isEmpty();
        EntityBareJid spammer = org.jxmpp.jid.impl.JidCreate.entityBareFrom("spam@elsewhere.example");
        BlockingCommandManager.getInstanceFor(one).blockContacts(List.of(spammer));
        Await.until("the push to the other resource", () -> blockList(onTwo).contains(spammer));
        one.disconnect();
        two.disconnect();
    }
}
