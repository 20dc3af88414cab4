package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.it.Rooms.bodies;
import static org.passerelle.it.Rooms.create;
import static org.passerelle.it.Rooms.enter;
import static org.passerelle.it.Rooms.joinError;
import static org.passerelle.it.Rooms.muc;
import static org.passerelle.it.Rooms.next;
import static org.passerelle.it.Rooms.nick;
import static org.passerelle.it.Rooms.room;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.GroupChatInvitation;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.core.stanza.Jids;

/**
 * Multi-user chat (XEP-0045) with Smack's MultiUserChatManager against the real server: an owner,
 * a member and a visitor in a moderated room (history on entry, voice revoked, kick, ban), a
 * persistent room across a restart, password and members-only rooms, mediated and direct invitations.
 */
class MucIT {
    @RegisterExtension
    final MucClients clients = new MucClients();

    @Test
    void ownerMemberAndVisitorInAModeratedRoom() throws Exception {
        try (ItServer server = ItServer.start()) {
            for (String u : List.of("alice", "bob", "carol")) server.user(u, "pw-" + u);
            XMPPTCPConnection alice = clients.login(server, "alice");
            XMPPTCPConnection bob = clients.login(server, "bob");
            XMPPTCPConnection carol = clients.login(server, "carol");
            EntityBareJid lounge = room("lounge");
            assertThat(MultiUserChatManager.getInstanceFor(alice).providesMucService(lounge.asDomainBareJid())).isTrue();

            MultiUserChat owner = create(alice, lounge, "Alice", "moderatedroom");
            LinkedBlockingQueue<Message> aliceSees = bodies(owner);
            owner.grantMembership(Jids.of("bob@localhost").asBareJid());
            owner.sendMessage("first");
            owner.sendMessage("second");
            assertThat(next(aliceSees).getBody()).isEqualTo("first");
            assertThat(next(aliceSees).getBody()).as("the room has both before anyone else enters").isEqualTo("second");

            MultiUserChat member = muc(bob, lounge);
            LinkedBlockingQueue<Message> bobSees = bodies(member);
            member.join(member.getEnterConfigurationBuilder(nick("Bob")).requestMaxStanzasHistory(1).build());
            Message replay = next(bobSees);
            assertThat(replay.getBody()).as("history limited to one stanza").isEqualTo("second");
            assertThat(DelayInformation.from(replay)).isNotNull();

            MultiUserChat visitor = muc(carol, lounge);
            LinkedBlockingQueue<Message> carolSees = bodies(visitor);
            visitor.join(nick("Carol"));
            assertThat(next(carolSees).getBody()).isEqualTo("first");
            assertThat(next(carolSees).getBody()).isEqualTo("second");
            assertThat(visitor.getOccupant(Jids.of("lounge@conference.localhost/Carol").asEntityFullJidIfPossible()).getRole().name())
                    .isEqualTo("visitor");

            member.sendMessage("member speaks");
            assertThat(next(carolSees).getBody()).isEqualTo("member speaks");

            LinkedBlockingQueue<String> bobStatus = new LinkedBlockingQueue<>();
            member.addUserStatusListener(new UserStatusListener() {
                @Override
                public void voiceRevoked() {
                    bobStatus.add("voice revoked");
                }
            });
            owner.revokeVoice(nick("Bob"));
            assertThat(bobStatus.poll(5, TimeUnit.SECONDS)).isEqualTo("voice revoked");
            member.sendMessage("still here?");
            owner.sendMessage("after revoke");
            assertThat(next(carolSees).getBody()).as("the muted member's message never came").isEqualTo("after revoke");

            LinkedBlockingQueue<String> carolStatus = new LinkedBlockingQueue<>();
            visitor.addUserStatusListener(new UserStatusListener() {
                @Override
                public void kicked(Jid actor, String reason) {
                    carolStatus.add("kicked: " + reason);
                }
            });
            owner.kickParticipant(nick("Carol"), "quiet please");
            assertThat(carolStatus.poll(5, TimeUnit.SECONDS)).isEqualTo("kicked: quiet please");

            owner.banUser(Jids.of("carol@localhost").asBareJid(), "enough");
            assertThat(joinError(visitor, "Carol", null)).isEqualTo(StanzaError.Condition.forbidden);
            assertThat(owner.getOutcasts()).extracting(a -> a.getJid().toString()).containsExactly("carol@localhost");
            clients.disconnect();
        }
    }

    @Test
    void aPersistentRoomSurvivesARestart() throws Exception {
        try (ItServer server = ItServer.start()) {
            server.user("alice", "pw-alice");
            server.user("bob", "pw-bob");
            EntityBareJid club = room("club");
            XMPPTCPConnection alice = clients.login(server, "alice");
            MultiUserChat owner = create(alice, club, "Alice", "persistentroom", "membersonly");
            owner.grantMembership(Jids.of("bob@localhost").asBareJid());
            owner.changeSubject("Weekly meeting");
            clients.disconnect();

            server.restart();

            XMPPTCPConnection bob = clients.login(server, "bob");
            RoomInfo info = MultiUserChatManager.getInstanceFor(bob).getRoomInfo(club);
            assertThat(info.isPersistent()).isTrue();
            assertThat(info.isMembersOnly()).isTrue();
            assertThat(info.getSubject()).isEqualTo("Weekly meeting");
            MultiUserChat member = enter(bob, club, "Bob");
            Await.until("the subject after entering", () -> "Weekly meeting".equals(member.getSubject()));
            clients.disconnect();
        }
    }

    @Test
    void passwordAndMembersOnlyRooms() throws Exception {
        try (ItServer server = ItServer.start()) {
            for (String u : List.of("alice", "bob", "carol")) server.user(u, "pw-" + u);
            XMPPTCPConnection alice = clients.login(server, "alice");
            XMPPTCPConnection bob = clients.login(server, "bob");
            XMPPTCPConnection carol = clients.login(server, "carol");

            EntityBareJid vault = room("vault");
            MultiUserChat owner = muc(alice, vault);
            owner.createOrJoin(nick("Alice"));
            owner.getConfigFormManager().setAndEnablePassword("open sesame").submitConfigurationForm();
            assertThat(MultiUserChatManager.getInstanceFor(bob).getRoomInfo(vault).isPasswordProtected()).isTrue();
            MultiUserChat guest = muc(bob, vault);
            assertThat(joinError(guest, "Bob", null)).isEqualTo(StanzaError.Condition.not_authorized);
            assertThat(joinError(guest, "Bob", "wrong")).isEqualTo(StanzaError.Condition.not_authorized);
            guest.join(nick("Bob"), "open sesame");
            assertThat(guest.isJoined()).isTrue();

            // XEP-0249: a direct invitation goes from client to client, then the invitee enters.
            Inbox<Message> carolInbox = Inbox.of(carol, Message.class, m -> GroupChatInvitation.from(m) != null, "a direct invitation");
            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(Jids.of("carol@localhost"))
                    .addExtension(new GroupChatInvitation(vault)).build());
            assertThat((Object) GroupChatInvitation.from(carolInbox.next()).getRoomAddress()).isEqualTo(vault);
            MultiUserChat invitee = muc(carol, vault);
            invitee.join(nick("Carol"), "open sesame");
            invitee.leave();

            EntityBareJid club = room("members");
            MultiUserChat clubOwner = muc(alice, club);
            clubOwner.createOrJoin(nick("Alice"));
            clubOwner.getConfigFormManager().makeMembersOnly().submitConfigurationForm();
            MultiUserChat outsider = muc(carol, club);
            assertThat(joinError(outsider, "Carol", null)).isEqualTo(StanzaError.Condition.registration_required);

            LinkedBlockingQueue<EntityBareJid> invited = new LinkedBlockingQueue<>();
            MultiUserChatManager.getInstanceFor(carol).addInvitationListener((conn, room, inviter, reason, password, message, invitation) ->
                    invited.add(room.getRoom()));
            clubOwner.invite(Jids.of("carol@localhost").asEntityBareJidOrThrow(), "come in");
            assertThat((Object) invited.poll(5, TimeUnit.SECONDS)).isEqualTo(club);
            outsider.join(nick("Carol"));
            assertThat(clubOwner.getMembers()).extracting(a -> a.getJid().toString()).contains("carol@localhost");
            clients.disconnect();
        }
    }
}
