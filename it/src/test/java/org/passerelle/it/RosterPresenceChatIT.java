package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.chat2.Chat;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.roster.rosterstore.DirectoryRosterStore;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people meet (RFC 6121): a contact added with a name and a group, the subscription
 * handshake both ways, presence seen both ways as it changes, chat, and roster versioning
 * against Smack's own roster cache.
 */
class RosterPresenceChatIT {
    private static ItServer server;
    private final List<XMPPTCPConnection> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void disconnect() {
        open.forEach(XMPPTCPConnection::disconnect);
    }

    /** A logged-in connection whose roster answers nothing by itself: the test approves subscriptions. */
    private XMPPTCPConnection login(String name, String resource) throws Exception {
        XMPPTCPConnection c = server.connection(name, "pw-" + name, resource);
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.manual);
        c.connect().login();
        open.add(c);
        return c;
    }

    @Test
    void subscriptionHandshakeBothWaysEndsInBoth() throws Exception {
        EntityBareJid aliceJid = server.user("alice", "pw-alice");
        EntityBareJid bobJid = server.user("bob", "pw-bob");
        XMPPTCPConnection alice = login("alice", "phone");
        XMPPTCPConnection bob = login("bob", "laptop");
        Roster aliceRoster = Roster.getInstanceFor(alice);
        Roster bobRoster = Roster.getInstanceFor(bob);
        Inbox<Presence> bobFromAlice = Inbox.presences(bob, aliceJid);
        Inbox<Presence> aliceFromBob = Inbox.presences(alice, bobJid);

        aliceRoster.createItemAndRequestSubscription(bobJid, "Bob", new String[] {"Friends"});
        Await.until("alice's pending item for bob", () -> aliceRoster.getEntry(bobJid) != null
                && aliceRoster.getEntry(bobJid).isSubscriptionPending());
        RosterEntry pending = aliceRoster.getEntry(bobJid);
        assertThat(pending.getType()).isEqualTo(ItemType.none);
        assertThat(pending.canSeeHisPresence()).isFalse();

        Presence request = bobFromAlice.next();
        assertThat(request.getType()).isEqualTo(Presence.Type.subscribe);
        assertThat(request.getFrom().toString()).isEqualTo("alice@localhost");
        assertThat(bobRoster.getEntry(aliceJid)).as("a pending inbound request is not a roster item yet").isNull();

        Contacts.send(bob, Presence.Type.subscribed, aliceJid);
        assertThat(aliceFromBob.next().getType()).isEqualTo(Presence.Type.subscribed);
        Presence bobOnline = aliceFromBob.next();
        assertThat(bobOnline.getType()).as("bob's current presence follows the approval").isEqualTo(Presence.Type.available);
        assertThat(bobOnline.getFrom().toString()).isEqualTo("bob@localhost/laptop");
        Await.until("alice subscribed to bob", () -> aliceRoster.getEntry(bobJid).getType() == ItemType.to);
        Await.until("bob's item for alice", () -> bobRoster.getEntry(aliceJid) != null
                && bobRoster.getEntry(aliceJid).getType() == ItemType.from);

        bobRoster.createItemAndRequestSubscription(aliceJid, "Alice", new String[] {"Work"});
        Presence back = aliceFromBob.next();
        assertThat(back.getType()).isEqualTo(Presence.Type.subscribe);
        Contacts.send(alice, Presence.Type.subscribed, bobJid);
        assertThat(bobFromAlice.next().getType()).isEqualTo(Presence.Type.subscribed);
        assertThat(bobFromAlice.next().getFrom().toString()).isEqualTo("alice@localhost/phone");

        Await.until("both on alice's roster", () -> aliceRoster.getEntry(bobJid).getType() == ItemType.both);
        Await.until("both on bob's roster", () -> bobRoster.getEntry(aliceJid).getType() == ItemType.both);
        assertEntry(aliceRoster.getEntry(bobJid), "Bob", "Friends");
        assertEntry(bobRoster.getEntry(aliceJid), "Alice", "Work");
        assertThat(aliceRoster.getGroup("Friends").getEntries()).extracting(RosterEntry::getJid).containsExactly(bobJid);
        Await.until("each roster shows the other available", () -> aliceRoster.getPresence(bobJid).isAvailable()
                && bobRoster.getPresence(aliceJid).isAvailable());
    }

    private static void assertEntry(RosterEntry e, String name, String group) {
        assertThat(e.getName()).isEqualTo(name);
        assertThat(e.getGroups()).extracting(RosterGroup::getName).containsExactly(group);
        assertThat(e.canSeeHisPresence()).isTrue();
        assertThat(e.canSeeMyPresence()).isTrue();
        assertThat(e.isSubscriptionPending()).isFalse();
    }

    @Test
    void presenceIsSeenBothWaysAsItChanges() throws Exception {
        EntityBareJid carolJid = server.user("carol", "pw-carol");
        EntityBareJid daveJid = server.user("dave", "pw-dave");
        XMPPTCPConnection carol = login("carol", "desk");
        XMPPTCPConnection dave = login("dave", "desk");
        Contacts.befriend(carol, dave);
        Inbox<Presence> daveSees = Inbox.presences(dave, carolJid);
        Inbox<Presence> carolSees = Inbox.presences(carol, daveJid);

        carol.sendStanza(carol.getStanzaFactory().buildPresenceStanza().setStatus("at my desk").setPriority(5).build());
        Presence p = daveSees.next();
        assertThat(p.getType()).isEqualTo(Presence.Type.available);
        assertThat(p.getStatus()).isEqualTo("at my desk");
        assertThat(p.getPriority()).isEqualTo(5);
        assertThat(p.getFrom().toString()).isEqualTo("carol@localhost/desk");

        dave.sendStanza(dave.getStanzaFactory().buildPresenceStanza().setMode(Presence.Mode.away).setStatus("lunch").build());
        p = carolSees.next();
        assertThat(p.getMode()).isEqualTo(Presence.Mode.away);
        assertThat(p.getStatus()).isEqualTo("lunch");
        Await.until("carol's roster shows dave away",
                () -> Roster.getInstanceFor(carol).getPresence(daveJid).getMode() == Presence.Mode.away);

        carol.sendStanza(carol.getStanzaFactory().buildPresenceStanza().setMode(Presence.Mode.dnd).setStatus("busy").build());
        assertThat(daveSees.next().getMode()).isEqualTo(Presence.Mode.dnd);

        dave.disconnect();
        p = carolSees.next();
        assertThat(p.getType()).isEqualTo(Presence.Type.unavailable);
        assertThat(p.getFrom().toString()).isEqualTo("dave@localhost/desk");
        Await.until("carol's roster shows dave offline", () -> !Roster.getInstanceFor(carol).getPresence(daveJid).isAvailable());
    }

    @Test
    void chatBothWays() throws Exception {
        EntityBareJid erinJid = server.user("erin", "pw-erin");
        EntityBareJid frankJid = server.user("frank", "pw-frank");
        XMPPTCPConnection erin = login("erin", "web");
        XMPPTCPConnection frank = login("frank", "cli");
        LinkedBlockingQueue<Message> erinGot = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Message> frankGot = new LinkedBlockingQueue<>();
        ChatManager.getInstanceFor(erin).addIncomingListener((from, m, chat) -> erinGot.add(m));
        ChatManager.getInstanceFor(frank).addIncomingListener((from, m, chat) -> frankGot.add(m));

        Chat toFrank = ChatManager.getInstanceFor(erin).chatWith(frankJid);
        toFrank.send("hello frank");
        Message m = frankGot.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("frank gets erin's message").isNotNull();
        assertThat(m.getBody()).isEqualTo("hello frank");
        assertThat(m.getType()).isEqualTo(Message.Type.chat);
        assertThat(m.getFrom().toString()).isEqualTo("erin@localhost/web");
        assertThat(m.getTo().toString()).isEqualTo("frank@localhost");

        ChatManager.getInstanceFor(frank).chatWith(erinJid).send("hello erin");
        ChatManager.getInstanceFor(frank).chatWith(erinJid).send("how are you?");
        assertThat(erinGot.poll(5, TimeUnit.SECONDS)).extracting(Message::getBody).isEqualTo("hello erin");
        assertThat(erinGot.poll(5, TimeUnit.SECONDS)).extracting(Message::getBody).isEqualTo("how are you?");
        assertThat(erinGot.poll(300, TimeUnit.MILLISECONDS)).as("each message once").isNull();
        assertThat(frankGot).isEmpty();
    }

    /**
     * RFC 6121 §2.6 with Smack's file cache: the first login gets the roster and a version; a login
     * with that version gets an empty result and Smack uses its cache; after a change made from
     * another client, the old version gets the new roster.
     */
    @Test
    void rosterVersioning(@TempDir Path cache) throws Exception {
        server.user("gina", "pw-gina");
        EntityBareJid henryJid = server.user("henry", "pw-henry");
        EntityBareJid ivyJid = server.user("ivy", "pw-ivy");
        XMPPTCPConnection other = login("gina", "other");
        Roster.getInstanceFor(other).createItem(henryJid, "Henry", new String[] {"Family"});

        Files.createDirectories(cache);
        RosterFetch first = fetchRoster(DirectoryRosterStore.init(cache.toFile()));
        assertThat(first.sentVersion).as("no version cached yet").isNullOrEmpty();
        assertThat(first.reply).isInstanceOf(RosterPacket.class);
        String v1 = ((RosterPacket) first.reply).getVersion();
        assertThat(v1).as("the server versions the roster").isNotBlank();
        assertThat(first.entries).containsExactly(henryJid);

        RosterFetch second = fetchRoster(DirectoryRosterStore.open(cache.toFile()));
        assertThat(second.sentVersion).isEqualTo(v1);
        assertThat(second.reply).as("nothing changed: an empty result").isNotInstanceOf(RosterPacket.class);
        assertThat(second.reply.getType()).isEqualTo(IQ.Type.result);
        assertThat(second.entries).as("taken from the cache").containsExactly(henryJid);
        assertThat(second.henryName).isEqualTo("Henry");

        Roster.getInstanceFor(other).createItem(ivyJid, "Ivy", null);
        RosterFetch third = fetchRoster(DirectoryRosterStore.open(cache.toFile()));
        assertThat(third.sentVersion).isEqualTo(v1);
        assertThat(third.reply).isInstanceOf(RosterPacket.class);
        assertThat(((RosterPacket) third.reply).getVersion()).isNotEqualTo(v1);
        assertThat(third.entries).containsExactlyInAnyOrder(henryJid, ivyJid);
        assertThat(DirectoryRosterStore.open(cache.toFile()).getRosterVersion()).isEqualTo(((RosterPacket) third.reply).getVersion());
    }

    private record RosterFetch(String sentVersion, IQ reply, List<EntityBareJid> entries, String henryName) {
    }

    /** Logs gina in with a roster cache; returns the version asked for, the server's answer and the entries Smack ends up with. */
    private RosterFetch fetchRoster(DirectoryRosterStore store) throws Exception {
        XMPPTCPConnection c = server.connection("gina", "pw-gina", "versioned");
        Roster roster = Roster.getInstanceFor(c);
        roster.setRosterStore(store);
        List<RosterPacket> asked = new CopyOnWriteArrayList<>();
        List<IQ> answers = new CopyOnWriteArrayList<>();
        c.addStanzaSendingListener(s -> asked.add((RosterPacket) s), s -> s instanceof RosterPacket r && r.getType() == IQ.Type.get);
        c.addSyncStanzaListener(s -> answers.add((IQ) s), s -> s instanceof IQ iq && iq.getType() == IQ.Type.result);
        try {
            c.connect().login();
            Await.until("the roster loaded", roster::isLoaded);
            assertThat(asked).hasSize(1);
            String id = asked.getFirst().getStanzaId();
            IQ reply = answers.stream().filter(iq -> id.equals(iq.getStanzaId())).findFirst().orElseThrow();
            List<EntityBareJid> entries = roster.getEntries().stream().map(e -> e.getJid().asEntityBareJidIfPossible()).toList();
            RosterEntry henry = roster.getEntries().stream().filter(e -> e.getJid().toString().startsWith("henry@")).findFirst().orElseThrow();
            assertThat(henry.getGroups()).extracting(RosterGroup::getName).containsExactly("Family");
            return new RosterFetch(asked.getFirst().getVersion(), reply, entries, henry.getName());
        } finally {
            c.disconnect();
        }
    }
}
