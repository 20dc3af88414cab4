package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.it.Rooms.bodies;
import static org.passerelle.it.Rooms.create;
import static org.passerelle.it.Rooms.enter;
import static org.passerelle.it.Rooms.errorOf;
import static org.passerelle.it.Rooms.leaveByHand;
import static org.passerelle.it.Rooms.muc;
import static org.passerelle.it.Rooms.next;
import static org.passerelle.it.Rooms.nextWhere;
import static org.passerelle.it.Rooms.nick;
import static org.passerelle.it.Rooms.occupant;
import static org.passerelle.it.Rooms.occupantId;
import static org.passerelle.it.Rooms.room;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.core.stanza.Jids;

/**
 * Who sees and may do what in a XEP-0045 room, with Smack: real JIDs in semi-anonymous and
 * non-anonymous rooms, granting and revoking affiliations with their lists, the history a
 * newcomer asks for, XEP-0410 self-ping and XEP-0421 occupant ids.
 */
class MucRolesIT {
    @RegisterExtension
    final MucClients clients = new MucClients();

    private static BareJid jid(String s) {
        return Jids.of(s).asBareJid();
    }

    /** The real JID {@code viewer} knows for the occupant, once its presence arrived; null when hidden. */
    private static String realJidSeenBy(MultiUserChat viewer, EntityBareJid room, String nick) throws InterruptedException {
        Await.until(viewer.getNickname() + " sees " + nick, () -> viewer.getOccupant(occupant(room, nick)) != null);
        Jid real = viewer.getOccupant(occupant(room, nick)).getJid();
        return real == null ? null : real.toString();
    }

    /** Own presence from the room, with its status codes, as the client enters. */
    private static Set<MUCUser.Status> selfStatus(XMPPTCPConnection c, EntityBareJid room, String nick) throws Exception {
        try (Inbox<Presence> self = Inbox.of(c, Presence.class, p -> occupant(room, nick).equals(p.getFrom()), "own presence")) {
            muc(c, room).join(nick(nick));
            return MUCUser.from(self.next()).getStatus();
        }
    }

    @Test
    void moderatorsAloneSeeRealJidsInASemiAnonymousRoomAndEveryoneInANonAnonymousOne() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob", "carol");
            EntityBareJid semi = room("masks");
            MultiUserChat owner = create(u.get(0), semi, "Alice");
            assertThat(selfStatus(u.get(1), semi, "Bob")).doesNotContain(MUCUser.Status.create(100));
            enter(u.get(2), semi, "Carol");
            assertThat(realJidSeenBy(muc(u.get(1), semi), semi, "Carol")).as("a participant").isNull();
            assertThat(realJidSeenBy(owner, semi, "Carol")).as("a moderator").isEqualTo("carol@localhost/muc");

            EntityBareJid open = room("faces");
            MultiUserChat host = muc(u.get(0), open);
            host.create(nick("Alice"));
            var form = host.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_whois", "anyone");
            host.sendConfigurationForm(form);
            assertThat(selfStatus(u.get(1), open, "Bob")).as("told the room is non-anonymous")
                    .contains(MUCUser.Status.create(100), MUCUser.Status.PRESENCE_TO_SELF_110);
            enter(u.get(2), open, "Carol");
            assertThat(realJidSeenBy(muc(u.get(1), open), open, "Carol")).isEqualTo("carol@localhost/muc");
            assertThat(realJidSeenBy(muc(u.get(2), open), open, "Alice")).isEqualTo("alice@localhost/muc");
            clients.disconnect();
        }
    }

    /** The status changes Smack reports to an occupant about itself. */
    private static Set<String> statusChanges(MultiUserChat muc) {
        Set<String> heard = ConcurrentHashMap.newKeySet();
        muc.addUserStatusListener(new UserStatusListener() {
            @Override
            public void membershipGranted() {
                heard.add("member");
            }

            @Override
            public void membershipRevoked() {
                heard.add("-member");
            }

            @Override
            public void adminGranted() {
                heard.add("admin");
            }

            @Override
            public void adminRevoked() {
                heard.add("-admin");
            }

            @Override
            public void ownershipGranted() {
                heard.add("owner");
            }

            @Override
            public void ownershipRevoked() {
                heard.add("-owner");
            }

            @Override
            public void moderatorGranted() {
                heard.add("moderator");
            }
        });
        return heard;
    }

    private static List<String> jids(List<Affiliate> list) {
        return list.stream().map(a -> a.getJid().toString()).toList();
    }

    @Test
    void membershipAdminAndOwnershipAreGrantedRevokedAndListed() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob", "carol");
            server.user("dave", "pw-dave");
            EntityBareJid hall = room("hall");
            MultiUserChat alice = create(u.get(0), hall, "Alice");
            MultiUserChat bob = muc(u.get(1), hall);
            Set<String> bobHeard = statusChanges(bob);
            bob.join(nick("Bob"));
            MultiUserChat carol = muc(u.get(2), hall);
            Set<String> carolHeard = statusChanges(carol);
            carol.join(nick("Carol"));

            alice.grantMembership(jid("bob@localhost"));
            Await.until("Bob told he is a member", () -> bobHeard.contains("member"));
            assertThat(jids(alice.getMembers())).containsExactly("bob@localhost");
            assertThat(errorOf(bob::getMembers)).as("members do not see the lists").isEqualTo(Condition.forbidden);

            alice.grantAdmin(jid("bob@localhost"));
            Await.until("Bob told he is an admin", () -> bobHeard.containsAll(List.of("admin", "moderator")));
            assertThat(jids(alice.getAdmins())).containsExactly("bob@localhost");
            assertThat(jids(bob.getMembers())).as("an admin sees the lists; Bob left the members").isEmpty();
            assertThat(errorOf(() -> bob.revokeOwnership(jid("alice@localhost")))).as("admins leave owners alone")
                    .isEqualTo(Condition.not_allowed);

            alice.grantOwnership(jid("carol@localhost"));
            Await.until("Carol told she is an owner", () -> carolHeard.contains("owner"));
            assertThat(jids(alice.getOwners())).containsExactlyInAnyOrder("alice@localhost", "carol@localhost");
            alice.revokeOwnership(jid("carol@localhost"));
            Await.until("Carol told she is no longer an owner", () -> carolHeard.contains("-owner"));
            assertThat(jids(carol.getOwners())).containsExactly("alice@localhost");
            assertThat(jids(carol.getAdmins())).as("Smack demotes an owner to admin").contains("carol@localhost");

            alice.revokeAdmin(jid("bob@localhost").asEntityBareJidIfPossible());
            Await.until("Bob told he is no longer an admin", () -> bobHeard.contains("-admin"));
            assertThat(jids(alice.getMembers())).containsExactly("bob@localhost");
            alice.revokeMembership(jid("bob@localhost"));
            Await.until("Bob told he is no longer a member", () -> bobHeard.contains("-member"));
            assertThat(alice.getMembers()).isEmpty();

            alice.banUser(jid("dave@localhost"), "spam");
            assertThat(jids(alice.getOutcasts())).containsExactly("dave@localhost");
            assertThat(alice.getOccupantsCount()).as("banning someone absent removes no one").isEqualTo(3);
            clients.disconnect();
        }
    }

    @Test
    void theHistoryANewcomerAsksFor() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob", "carol", "dave", "erin");
            EntityBareJid archive = room("story");
            MultiUserChat alice = create(u.get(0), archive, "Alice");
            LinkedBlockingQueue<Message> echo = bodies(alice);
            alice.sendMessage("one");
            alice.sendMessage("two");
            assertThat(next(echo).getBody()).isEqualTo("one");
            assertThat(next(echo).getBody()).isEqualTo("two");
            Thread.sleep(20);
            Date between = new Date();
            Thread.sleep(20);
            alice.sendMessage("three");
            alice.sendMessage("four");
            assertThat(next(echo).getBody()).isEqualTo("three");
            assertThat(next(echo).getBody()).isEqualTo("four");

            assertThat(historyOf(u.get(1), archive, b -> b.requestMaxStanzasHistory(2))).containsExactly("three", "four");
            assertThat(historyOf(u.get(2), archive, b -> b.requestMaxCharsHistory(0))).as("maxchars 0: none").isEmpty();
            assertThat(historyOf(u.get(3), archive, b -> b.requestHistorySince(3600))).as("the last hour: all")
                    .containsExactly("one", "two", "three", "four");
            assertThat(historyOf(u.get(4), archive, b -> b.requestHistorySince(between))).containsExactly("three", "four");
            clients.disconnect();
        }
    }

    /** The bodies replayed on entry: what arrives before a message sent once the client is in. */
    private static List<String> historyOf(XMPPTCPConnection c, EntityBareJid room, UnaryOperator<MucEnterConfiguration.Builder> ask)
            throws Exception {
        MultiUserChat muc = muc(c, room);
        LinkedBlockingQueue<Message> got = bodies(muc);
        String nick = c.getUser().getLocalpart().toString();
        muc.join(ask.apply(muc.getEnterConfigurationBuilder(nick(nick))).build());
        muc.sendMessage("marker from " + nick);
        List<String> replayed = new ArrayList<>();
        for (String b = next(got).getBody(); !b.equals("marker from " + nick); b = next(got).getBody()) {
            if (!b.startsWith("marker from ")) replayed.add(b); // earlier newcomers' markers are history too
        }
        return replayed;
    }

    @Test
    void selfPingAndOccupantIdsThatSurviveANicknameChange() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob", "carol");
            EntityBareJid lounge = room("pingpong");
            MultiUserChat alice = create(u.get(0), lounge, "Alice");
            Inbox<Presence> aliceSees = Inbox.of(u.get(0), Presence.class,
                    p -> p.getFrom().asBareJid().equals(lounge) && !"Alice".equals(p.getFrom().getResourceOrEmpty().toString()),
                    "presence of another occupant");
            LinkedBlockingQueue<Message> aliceMessages = bodies(alice);
            MultiUserChat bob = enter(u.get(1), lounge, "Bob");

            Ping selfPing = new Ping(occupant(lounge, "Bob"));
            assertThat(u.get(1).<org.jivesoftware.smack.packet.IQ>sendIqRequestAndWaitForResponse(selfPing).getFrom().toString())
                    .as("answered by the room").isEqualTo(lounge + "/Bob");
            assertThat(errorOf(() -> u.get(2).sendIqRequestAndWaitForResponse(new Ping(occupant(lounge, "Carol")))))
                    .as("not in the room").isEqualTo(Condition.not_acceptable);

            Presence joined = aliceSees.next();
            String id = occupantId(joined);
            assertThat(id).as("Bob's occupant id").isNotBlank();
            bob.sendMessage("hello");
            assertThat(occupantId(next(aliceMessages))).as("on his messages").isEqualTo(id);
            leaveByHand(bob);
            assertThat(occupantId(nextWhere(aliceSees, p -> p.getType() == Presence.Type.unavailable))).as("leaving").isEqualTo(id);
            bob.join(nick("Bobby"));
            Presence back = nextWhere(aliceSees, p -> p.getFrom().equals(occupant(lounge, "Bobby")));
            assertThat(back.getFrom().toString()).isEqualTo(lounge + "/Bobby");
            assertThat(occupantId(back)).as("the same user coming back").isEqualTo(id);

            // By hand: Smack 4.4's changeNickname takes the 303 self-presence for leaving (see MucRoomLifeIT).
            u.get(1).sendStanza(u.get(1).getStanzaFactory().buildPresenceStanza().to(occupant(lounge, "Robert")).build());
            Presence gone = nextWhere(aliceSees, p -> p.getType() == Presence.Type.unavailable);
            assertThat(MUCUser.from(gone).getStatus()).contains(MUCUser.Status.NEW_NICKNAME_303);
            assertThat(occupantId(gone)).isEqualTo(id);
            Presence renamed = nextWhere(aliceSees, p -> p.getFrom().equals(occupant(lounge, "Robert")));
            assertThat(renamed.getFrom().toString()).isEqualTo(lounge + "/Robert");
            assertThat(occupantId(renamed)).as("the same occupant under a new nickname").isEqualTo(id);

            enter(u.get(2), lounge, "Carol");
            Presence carol = nextWhere(aliceSees, p -> p.getFrom().equals(occupant(lounge, "Carol")));
            assertThat(carol.getFrom().toString()).isEqualTo(lounge + "/Carol");
            assertThat(occupantId(carol)).isNotBlank().isNotEqualTo(id);
            clients.disconnect();
        }
    }
}
