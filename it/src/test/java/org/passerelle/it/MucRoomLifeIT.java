package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.it.Rooms.create;
import static org.passerelle.it.Rooms.enter;
import static org.passerelle.it.Rooms.errorOf;
import static org.passerelle.it.Rooms.joinError;
import static org.passerelle.it.Rooms.leaveByHand;
import static org.passerelle.it.Rooms.muc;
import static org.passerelle.it.Rooms.nick;
import static org.passerelle.it.Rooms.occupant;
import static org.passerelle.it.Rooms.room;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.ParticipantStatusListener;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCOwner;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.core.stanza.Jids;

/**
 * A chat room's life with Smack's MultiUserChatManager (XEP-0045): creation through the
 * configuration form and instant rooms, bad forms, nicknames, the subject, private messages,
 * declined invitations, service discovery, occupant limits, destruction, temporary rooms going
 * away, and who may create rooms.
 */
class MucRoomLifeIT {
    @RegisterExtension
    final MucClients clients = new MucClients();

    /** Submits a muc#roomconfig form built field by field, as a client that ignores the form it was given. */
    private static void submitRaw(XMPPTCPConnection c, EntityBareJid room, FormField... fields) throws Exception {
        DataForm.Builder form = DataForm.builder(DataForm.Type.submit).setFormType("http://jabber.org/protocol/muc#roomconfig");
        for (FormField f : fields) form.addField(f);
        MUCOwner iq = new MUCOwner();
        iq.setTo(room);
        iq.setType(IQ.Type.set);
        iq.addExtension(form.build());
        c.sendIqRequestAndWaitForResponse(iq);
    }

    private static void configure(MultiUserChat muc, String var, String value) throws Exception {
        FillableForm form = muc.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_" + var, value);
        muc.sendConfigurationForm(form);
    }

    private static RoomInfo info(XMPPTCPConnection c, EntityBareJid room) throws Exception {
        return MultiUserChatManager.getInstanceFor(c).getRoomInfo(room);
    }

    @Test
    void aReservedRoomIsConfiguredThroughTheFormAndABadFormChangesNothing() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob", "carol");
            EntityBareJid club = room("club");
            MultiUserChat owner = muc(u.get(0), club);
            assertThat(owner.create(nick("Alice"))).as("a new room").isNotNull();
            assertThat(joinError(muc(u.get(1), club), "Bob", null)).as("the room is locked until configured")
                    .isEqualTo(Condition.item_not_found);

            FillableForm form = owner.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_roomname", "Book club");
            form.setAnswer("muc#roomconfig_roomdesc", "Novels on Thursdays");
            form.setAnswer("muc#roomconfig_persistentroom", true);
            form.setAnswer("muc#roomconfig_moderatedroom", true);
            owner.sendConfigurationForm(form);
            RoomInfo configured = info(u.get(1), club);
            assertThat(configured.getName()).isEqualTo("Book club");
            assertThat(configured.getDescription()).isEqualTo("Novels on Thursdays");
            assertThat(configured.isPersistent()).isTrue();
            assertThat(configured.isModerated()).isTrue();
            enter(u.get(1), club, "Bob");

            assertThat(errorOf(() -> submitRaw(u.get(0), club, FormField.textSingleBuilder("muc#roomconfig_roomname").setValue("Renamed").build(),
                    FormField.textSingleBuilder("muc#roomconfig_colour").setValue("blue").build())))
                    .as("an unknown field").isEqualTo(Condition.bad_request);
            assertThat(errorOf(() -> submitRaw(u.get(0), club, FormField.textSingleBuilder("muc#roomconfig_roomname").setValue("Renamed").build(),
                    FormField.textSingleBuilder("muc#roomconfig_persistentroom").setValue("perhaps").build())))
                    .as("a boolean that is not one").isEqualTo(Condition.bad_request);
            assertThat(errorOf(() -> submitRaw(u.get(0), club, FormField.textSingleBuilder("muc#roomconfig_maxusers").setValue("many").build())))
                    .as("a number that is not one").isEqualTo(Condition.bad_request);
            RoomInfo after = info(u.get(1), club);
            assertThat(after.getName()).as("nothing changed").isEqualTo("Book club");
            assertThat(after.isPersistent()).isTrue();

            EntityBareJid quick = room("quick");
            MultiUserChat.MucCreateConfigFormHandle handle = muc(u.get(1), quick).create(nick("Bob"));
            handle.makeInstant();
            enter(u.get(2), quick, "Carol");
            RoomInfo instant = info(u.get(2), quick);
            assertThat(instant.isPersistent()).as("an instant room has the defaults").isFalse();
            assertThat(instant.isModerated()).isFalse();
            assertThat(instant.getOccupantsCount()).isEqualTo(2);
            clients.disconnect();
        }
    }

    @Test
    void cancellingTheFirstFormDestroysTheNewRoom() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice");
            EntityBareJid never = room("never");
            MultiUserChat owner = muc(u.get(0), never);
            assertThat(owner.create(nick("Alice"))).isNotNull();
            MUCOwner iq = new MUCOwner();
            iq.setTo(never);
            iq.setType(IQ.Type.set);
            iq.addExtension(DataForm.builder(DataForm.Type.cancel).build());
            u.get(0).sendIqRequestAndWaitForResponse(iq);
            assertThat(errorOf(() -> info(u.get(0), never))).isEqualTo(Condition.item_not_found);
            clients.disconnect();
        }
    }

    @Test
    void nicknamesChangeStayUniqueAndOccupantsLeave() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob", "carol");
            EntityBareJid lounge = room("lounge");
            MultiUserChat alice = create(u.get(0), lounge, "Alice");
            LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
            alice.addParticipantStatusListener(new ParticipantStatusListener() {
                @Override
                public void nicknameChanged(EntityFullJid participant, Resourcepart newNickname) {
                    seen.add(participant.getResourcepart() + " is now " + newNickname);
                }

                @Override
                public void left(EntityFullJid participant) {
                    seen.add(participant.getResourcepart() + " left");
                }
            });
            MultiUserChat bob = enter(u.get(1), lounge, "Bob");
            // Smack 4.4's changeNickname treats the room's unavailable self-presence (110 and 303,
            // XEP-0045 §7.6) as leaving and blocks on its own lock: Bob changes nickname by hand.
            // (Smack may still send the room a presence update of its own: only the change counts.)
            Inbox<Presence> bobGets = Inbox.of(u.get(1), Presence.class, p -> occupant(lounge, "Robert").equals(p.getFrom())
                    || occupant(lounge, "Bob").equals(p.getFrom()) && p.getType() == Presence.Type.unavailable, "Bob's own presence");
            u.get(1).sendStanza(presenceTo(u.get(1), occupant(lounge, "Robert"), Presence.Type.available));
            Presence gone = bobGets.next();
            assertThat(gone.getType()).isEqualTo(Presence.Type.unavailable);
            assertThat(MUCUser.from(gone).getStatus()).contains(MUCUser.Status.NEW_NICKNAME_303, MUCUser.Status.PRESENCE_TO_SELF_110);
            assertThat(MUCUser.from(gone).getItem().getNick().toString()).isEqualTo("Robert");
            assertThat(bobGets.next().getFrom().toString()).isEqualTo(lounge + "/Robert");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).as("status 303 to the others").isEqualTo("Bob is now Robert");
            Await.until("Alice sees Robert", () -> alice.getOccupants().contains(occupant(lounge, "Robert")));
            assertThat(alice.getOccupants()).doesNotContain(occupant(lounge, "Bob"));

            MultiUserChat carol = muc(u.get(2), lounge);
            assertThat(joinError(carol, "ROBERT", null)).as("case folds").isEqualTo(Condition.conflict);
            assertThat(joinError(carol, "\uFF32obert", null)).as("full width folds").isEqualTo(Condition.conflict);
            carol.join(nick("Carol"));
            Inbox<Presence> carolGets = Inbox.of(u.get(2), Presence.class, p -> p.getType() == Presence.Type.error
                    || occupant(lounge, "alice").equals(p.getFrom()), "an answer about the nickname alice");
            u.get(2).sendStanza(presenceTo(u.get(2), occupant(lounge, "alice"), Presence.Type.available));
            Presence refused = carolGets.next();
            assertThat(refused.getType()).isEqualTo(Presence.Type.error);
            assertThat(refused.getError().getCondition()).as("a taken nickname").isEqualTo(Condition.conflict);
            carolGets.assertNothingMore(300);
            assertThat(alice.getOccupants()).contains(occupant(lounge, "Carol"));

            u.get(1).sendStanza(presenceTo(u.get(1), occupant(lounge, "Robert"), Presence.Type.unavailable));
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("Robert left");
            Await.until("Robert gone", () -> alice.getOccupantsCount() == 2);
            assertThat(info(u.get(0), lounge).getOccupantsCount()).isEqualTo(2);
            clients.disconnect();
        }
    }

    private static Presence presenceTo(XMPPTCPConnection c, EntityFullJid to, Presence.Type type) {
        return c.getStanzaFactory().buildPresenceStanza().to(to).ofType(type).build();
    }

    @Test
    void moderatorsSetTheSubjectAndParticipantsOnlyWhenAllowed() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob");
            EntityBareJid lounge = room("topics");
            MultiUserChat alice = create(u.get(0), lounge, "Alice");
            MultiUserChat bob = muc(u.get(1), lounge);
            LinkedBlockingQueue<String> bobSees = new LinkedBlockingQueue<>();
            bob.addSubjectUpdatedListener((subject, from) -> bobSees.add(from.getResourceOrEmpty() + ": " + subject));
            bob.join(nick("Bob"));

            alice.changeSubject("Release planning");
            assertThat(bobSees.poll(5, TimeUnit.SECONDS)).isEqualTo("Alice: Release planning");
            // Smack's changeSubject waits for a groupchat message and misses the error: send it by hand.
            Inbox<Message> bobErrors = Inbox.of(u.get(1), Message.class, m -> m.getType() == Message.Type.error, "an error");
            u.get(1).sendStanza(u.get(1).getStanzaFactory().buildMessageStanza().to(lounge).ofType(Message.Type.groupchat)
                    .setSubject("Lunch").build());
            assertThat(bobErrors.next().getError().getCondition()).as("changesubject is off").isEqualTo(Condition.forbidden);
            assertThat(info(u.get(1), lounge).getSubject()).isEqualTo("Release planning");

            FillableForm form = alice.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_changesubject", true);
            alice.sendConfigurationForm(form);
            bob.changeSubject("Lunch");
            Await.until("the owner sees the new subject", () -> "Lunch".equals(alice.getSubject()));
            RoomInfo after = info(u.get(0), lounge);
            assertThat(after.getSubject()).isEqualTo("Lunch");
            assertThat(after.isSubjectModifiable()).isTrue();
            clients.disconnect();
        }
    }

    @Test
    void privateMessagesBetweenOccupantsFollowAllowPm() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob");
            EntityBareJid lounge = room("whispers");
            MultiUserChat alice = create(u.get(0), lounge, "Alice");
            enter(u.get(1), lounge, "Bob");
            EntityFullJid aliceInRoom = occupant(lounge, "Alice");
            EntityFullJid bobInRoom = occupant(lounge, "Bob");
            Inbox<Message> aliceGets = Inbox.of(u.get(0), Message.class,
                    m -> bobInRoom.equals(m.getFrom()) && m.getType() == Message.Type.chat, "a private message from Bob");
            Inbox<Message> bobGets = Inbox.of(u.get(1), Message.class,
                    m -> aliceInRoom.equals(m.getFrom()), "a private message or error from Alice's occupant JID");

            u.get(1).sendStanza(privately(u.get(1), aliceInRoom, "psst"));
            Message pm = aliceGets.next();
            assertThat(pm.getBody()).isEqualTo("psst");
            assertThat(pm.getTo().asBareJid().toString()).as("to Alice's real JID").isEqualTo("alice@localhost");

            try (Inbox<Message> bounce = Inbox.of(u.get(1), Message.class, m -> occupant(lounge, "Nobody").equals(m.getFrom()), "a bounce")) {
                u.get(1).sendStanza(privately(u.get(1), occupant(lounge, "Nobody"), "hello?"));
                assertThat(bounce.next().getError().getCondition()).as("no such occupant").isEqualTo(Condition.item_not_found);
            }

            configure(alice, "allowpm", "moderators");
            u.get(1).sendStanza(privately(u.get(1), aliceInRoom, "again?"));
            Message refused = bobGets.next();
            assertThat(refused.getType()).isEqualTo(Message.Type.error);
            assertThat(refused.getError().getCondition()).isEqualTo(Condition.forbidden);
            aliceGets.assertNothingMore(300);

            u.get(0).sendStanza(privately(u.get(0), bobInRoom, "moderators may"));
            Message fromModerator = bobGets.next();
            assertThat(fromModerator.getType()).isEqualTo(Message.Type.chat);
            assertThat(fromModerator.getBody()).isEqualTo("moderators may");
            clients.disconnect();
        }
    }

    private static Message privately(XMPPTCPConnection from, EntityFullJid to, String body) {
        return from.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    @Test
    void aMediatedInvitationIsDeclinedBackToTheInviter() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "carol");
            EntityBareJid lounge = room("party");
            MultiUserChat alice = create(u.get(0), lounge, "Alice");
            LinkedBlockingQueue<String> declined = new LinkedBlockingQueue<>();
            alice.addInvitationRejectionListener((invitee, reason, message, decline) -> declined.add(invitee + ": " + reason));
            LinkedBlockingQueue<String> invitations = new LinkedBlockingQueue<>();
            MultiUserChatManager carolMucs = MultiUserChatManager.getInstanceFor(u.get(1));
            carolMucs.addInvitationListener((conn, room, inviter, reason, password, message, invitation) -> {
                invitations.add(room.getRoom() + " from " + inviter.asBareJid() + ": " + reason);
                try {
                    carolMucs.decline(room.getRoom(), inviter.asEntityBareJidIfPossible(), "busy tonight");
                } catch (Exception e) {
                    invitations.add(e.toString());
                }
            });

            alice.invite(Jids.of("carol@localhost").asEntityBareJidOrThrow(), "come along");
            assertThat(invitations.poll(5, TimeUnit.SECONDS)).isEqualTo(lounge + " from alice@localhost: come along");
            assertThat(declined.poll(5, TimeUnit.SECONDS)).isEqualTo("carol@localhost: busy tonight");
            assertThat(invitations).as("the decline was sent").isEmpty();
            clients.disconnect();
        }
    }

    @Test
    void discoListsPublicRoomsAndDescribesEachRoom() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob");
            EntityBareJid plaza = room("plaza");
            EntityBareJid backroom = room("backroom");
            MultiUserChat open = create(u.get(0), plaza, "Alice");
            open.changeSubject("Welcome");
            MultiUserChat hidden = muc(u.get(0), backroom);
            hidden.create(nick("Alice"));
            FillableForm form = hidden.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_roomname", "The back room");
            form.setAnswer("muc#roomconfig_publicroom", false);
            form.setAnswer("muc#roomconfig_persistentroom", true);
            form.setAnswer("muc#roomconfig_membersonly", true);
            form.setAnswer("muc#roomconfig_moderatedroom", true);
            form.setAnswer("muc#roomconfig_passwordprotectedroom", true);
            form.setAnswer("muc#roomconfig_roomsecret", "s3cret");
            form.setAnswer("muc#roomconfig_whois", "anyone");
            hidden.sendConfigurationForm(form);

            ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(u.get(1));
            DiscoverItems items = disco.discoverItems(Jids.of("conference.localhost"));
            assertThat(items.getItems()).extracting(i -> i.getEntityID().toString())
                    .contains(plaza.toString()).doesNotContain(backroom.toString());

            DiscoverInfo plazaInfo = disco.discoverInfo(plaza);
            assertThat(features(plazaInfo)).contains("http://jabber.org/protocol/muc", "muc_temporary", "muc_open",
                    "muc_unmoderated", "muc_unsecured", "muc_semianonymous", "muc_public", "urn:xmpp:occupant-id:0")
                    .doesNotContain("muc_persistent", "muc_membersonly", "muc_moderated", "muc_passwordprotected",
                            "muc_nonanonymous", "muc_hidden");
            DiscoverInfo backInfo = disco.discoverInfo(backroom);
            assertThat(features(backInfo)).contains("muc_persistent", "muc_membersonly", "muc_moderated",
                    "muc_passwordprotected", "muc_nonanonymous", "muc_hidden")
                    .doesNotContain("muc_temporary", "muc_open", "muc_unmoderated", "muc_unsecured", "muc_semianonymous",
                            "muc_public");
            assertThat(backInfo.getIdentities()).extracting(i -> i.getCategory() + "/" + i.getType() + "/" + i.getName())
                    .containsExactly("conference/text/The back room");

            RoomInfo roomInfo = MultiUserChatManager.getInstanceFor(u.get(1)).getRoomInfo(plaza);
            assertThat(roomInfo.getForm().getFormType()).isEqualTo("http://jabber.org/protocol/muc#roominfo");
            assertThat(roomInfo.getSubject()).isEqualTo("Welcome");
            assertThat(roomInfo.getOccupantsCount()).isEqualTo(1);
            assertThat(roomInfo.isSubjectModifiable()).isFalse();
            assertThat(roomInfo.isNonanonymous()).isFalse();
            assertThat(MultiUserChatManager.getInstanceFor(u.get(1)).getRoomInfo(backroom).isNonanonymous()).isTrue();
            clients.disconnect();
        }
    }

    private static List<String> features(DiscoverInfo info) {
        return info.getFeatures().stream().map(DiscoverInfo.Feature::getVar).toList();
    }

    @Test
    void aFullRoomTurnsTheNextComerAway() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob", "carol");
            EntityBareJid small = room("small");
            MultiUserChat alice = muc(u.get(0), small);
            alice.create(nick("Alice"));
            FillableForm form = alice.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_maxusers", "2");
            alice.sendConfigurationForm(form);
            MultiUserChat bob = enter(u.get(1), small, "Bob");
            MultiUserChat carol = muc(u.get(2), small);
            assertThat(joinError(carol, "Carol", null)).as("two is the limit").isEqualTo(Condition.service_unavailable);
            leaveByHand(bob);
            carol.join(nick("Carol"));
            assertThat(carol.isJoined()).isTrue();
            alice.grantAdmin(Jids.of("bob@localhost").asBareJid());
            bob.join(nick("Bob"));
            assertThat(bob.isJoined()).as("admins enter a full room").isTrue();
            Await.until("three in the room", () -> alice.getOccupantsCount() == 3);
            clients.disconnect();
        }
    }

    @Test
    void aDestroyedRoomTellsItsOccupantsWhereToGo() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob");
            EntityBareJid old = room("old");
            MultiUserChat alice = create(u.get(0), old, "Alice", "persistentroom");
            MultiUserChat bob = muc(u.get(1), old);
            LinkedBlockingQueue<String> told = new LinkedBlockingQueue<>();
            bob.addUserStatusListener(new UserStatusListener() {
                @Override
                public void roomDestroyed(MultiUserChat alternate, String password, String reason) {
                    told.add(reason + " -> " + (alternate == null ? null : alternate.getRoom()));
                }
            });
            bob.join(nick("Bob"));

            alice.destroy("we moved", room("new"));
            assertThat(told.poll(5, TimeUnit.SECONDS)).isEqualTo("we moved -> " + room("new"));
            Await.until("Bob is out", () -> !bob.isJoined());
            assertThat(errorOf(() -> info(u.get(1), old))).as("the room is gone").isEqualTo(Condition.item_not_found);
            // XEP-0045 §10.9: a join under the old name is refused (a tombstone), it does not make a new room.
            assertThat(errorOf(() -> muc(u.get(1), old).join(nick("Bob")))).as("joining the destroyed room").isEqualTo(Condition.gone);
            assertThat(errorOf(() -> info(u.get(1), old))).as("still no room").isEqualTo(Condition.item_not_found);
            clients.disconnect();

            server.restart();
            XMPPTCPConnection later = clients.login(server, "bob");
            assertThat(errorOf(() -> info(later, old))).as("and gone from the store").isEqualTo(Condition.item_not_found);
            clients.disconnect();
        }
    }

    @Test
    void aTemporaryRoomGoesAwayWithItsLastOccupant() throws Exception {
        try (ItServer server = ItServer.start()) {
            List<XMPPTCPConnection> u = clients.users(server, "alice", "bob");
            EntityBareJid brief = room("brief");
            MultiUserChat alice = create(u.get(0), brief, "Alice");
            MultiUserChat bob = enter(u.get(1), brief, "Bob");
            alice.leave();
            assertThat(info(u.get(0), brief).getOccupantsCount()).as("Bob still there").isEqualTo(1);
            bob.leave();
            assertThat(errorOf(() -> info(u.get(0), brief))).isEqualTo(Condition.item_not_found);
            clients.disconnect();
        }
    }

    @Test
    void onlyServerAdminsCreateRoomsWhenConfiguredSo() throws Exception {
        try (ItServer server = ItServer.start("""
                modules:
                  muc: {create: admins}
                """)) {
            server.server().context().accounts().create(Jids.of("root@localhost").asEntityBareJidIfPossible(), "pw-root", true);
            server.user("bob", "pw-bob");
            XMPPTCPConnection root = clients.login(server, "root");
            XMPPTCPConnection bob = clients.login(server, "bob");
            EntityBareJid mine = room("mine");
            assertThat(errorOf(() -> muc(bob, mine).createOrJoin(nick("Bob")))).isEqualTo(Condition.not_allowed);
            assertThat(errorOf(() -> info(bob, mine))).as("no room was made").isEqualTo(Condition.item_not_found);
            create(root, room("official"), "Root");
            muc(bob, room("official")).join(nick("Bob"));
            assertThat(info(bob, room("official")).getOccupantsCount()).as("others still enter").isEqualTo(2);
            clients.disconnect();
        }
    }
}
