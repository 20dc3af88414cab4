package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqlast.LastActivityManager;
import org.jivesoftware.smackx.iqlast.packet.LastActivity;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.time.EntityTimeManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the server says about itself and its accounts, through Smack's managers: disco#info
 * (XEP-0030) exactly as the running modules declare, ping, version, time, vCards, last activity.
 */
class ServiceDiscoveryIT {
    private static ItServer server;
    private static DomainBareJid domain;
    private static EntityBareJid aliceJid;
    private static XMPPTCPConnection alice;
    private static XMPPTCPConnection bob;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
        domain = JidCreate.domainBareFrom("localhost");
        aliceJid = server.user("alice", "a-pw");
        server.user("bob", "b-pw");
        server.user("stranger", "s-pw");
        alice = server.connect("alice", "a-pw", "home");
        bob = server.connect("bob", "b-pw", "home");
        Contacts.befriend(alice, bob);
    }

    @AfterAll
    static void stop() throws Exception {
        alice.disconnect();
        bob.disconnect();
        server.close();
    }

    @Test
    void serverFeaturesAreExactlyThoseOfTheRunningModules() throws Exception {
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(domain);
        assertThat(info.hasIdentity("server", "im")).isTrue();
        assertThat(info.getFeatures()).extracting(DiscoverInfo.Feature::getVar)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(server.server().context().features().server())
                .contains("http://jabber.org/protocol/disco#info", "urn:xmpp:ping", "jabber:iq:version", "urn:xmpp:time",
                        "jabber:iq:last", "vcard-temp", "urn:xmpp:carbons:2", "urn:xmpp:blocking", "msgoffline",
                        "http://jabber.org/protocol/commands");
    }

    @Test
    void aDisabledModuleIsNotAdvertised() throws Exception {
        try (ItServer trimmed = ItServer.start("disabledModules: [carbons, blocking]\n")) {
            trimmed.user("carol", "c-pw");
            XMPPTCPConnection carol = trimmed.connect("carol", "c-pw", "home");
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(carol).discoverInfo(domain);
            assertThat(info.getFeatures()).extracting(DiscoverInfo.Feature::getVar)
                    .containsExactlyInAnyOrderElementsOf(trimmed.server().context().features().server())
                    .doesNotContain("urn:xmpp:carbons:2", "urn:xmpp:blocking")
                    .contains("urn:xmpp:ping");
            assertThat(CarbonManager.getInstanceFor(carol).isSupportedByServer()).isFalse();
            carol.disconnect();
        }
    }

    @Test
    void anAccountAnswersItsContactsOnly() throws Exception {
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(bob).discoverInfo(aliceJid);
        assertThat(info.hasIdentity("account", "registered")).isTrue();
        assertThat(info.getFeatures()).extracting(DiscoverInfo.Feature::getVar)
                .containsExactlyInAnyOrderElementsOf(server.server().context().features().account())
                .contains("vcard-temp", "jabber:iq:last");
        XMPPTCPConnection stranger = server.connect("stranger", "s-pw", "x");
        assertThatThrownBy(() -> ServiceDiscoveryManager.getInstanceFor(stranger).discoverInfo(aliceJid))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(e.getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.service_unavailable));
        stranger.disconnect();
    }

    @Test
    void ping() throws Exception {
        PingManager pings = PingManager.getInstanceFor(alice);
        assertThat(pings.ping(domain)).as("the server").isTrue();
        assertThat(pings.pingMyServer(false, 5000)).isTrue();
        assertThat(pings.ping(bob.getUser())).as("bob's client, through the server").isTrue();
    }

    @Test
    void softwareVersionAndTime() throws Exception {
        Version v = VersionManager.getInstanceFor(alice).getVersion(domain);
        assertThat(v.getName()).isEqualTo("Passerelle");
        assertThat(v.getVersion()).isNotBlank();
        assertThat(v.getOs()).isNotBlank();

        Instant now = Instant.now();
        var time = EntityTimeManager.getInstanceFor(alice).getTime(domain);
        assertThat(time.getTime().toInstant()).isBetween(now.minusSeconds(5), now.plusSeconds(5));
        assertThat(time.getTzo()).isNotBlank();
    }

    @Test
    void vcardSetByOneReadByAnother() throws Exception {
        VCard mine = new VCard();
        mine.setNickName("Ali");
        mine.setEmailHome("alice@example.org");
        mine.setFirstName("Alice");
        VCardManager.getInstanceFor(alice).saveVCard(mine);

        VCard seen = VCardManager.getInstanceFor(bob).loadVCard(aliceJid);
        assertThat(seen.getNickName()).isEqualTo("Ali");
        assertThat(seen.getEmailHome()).isEqualTo("alice@example.org");
        assertThat(seen.getFirstName()).isEqualTo("Alice");
        assertThat(VCardManager.getInstanceFor(alice).loadVCard().getNickName()).as("her own").isEqualTo("Ali");
    }

    @Test
    void lastActivityOfTheServerAndOfAContact() throws Exception {
        LastActivity uptime = LastActivityManager.getInstanceFor(alice).getLastActivity(domain);
        assertThat(uptime.getIdleTime()).isGreaterThanOrEqualTo(0);

        server.user("dora", "d-pw");
        EntityBareJid doraJid = JidCreate.entityBareFrom("dora@localhost");
        XMPPTCPConnection dora = server.connect("dora", "d-pw", "phone");
        Contacts.befriend(dora, bob);
        assertThat(LastActivityManager.getInstanceFor(bob).getLastActivity(doraJid).getIdleTime()).as("online now").isZero();
        dora.disconnect(dora.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.unavailable).setStatus("gone fishing").build());
        Await.until("dora's session to end", () -> server.server().context().sessions().sessions(doraJid).isEmpty());

        LastActivity last = LastActivityManager.getInstanceFor(bob).getLastActivity(doraJid);
        assertThat(last.getStatusMessage()).isEqualTo("gone fishing");
        assertThat(Duration.ofSeconds(last.getIdleTime())).isBetween(Duration.ZERO, Duration.ofSeconds(5));
        assertThatThrownBy(() -> LastActivityManager.getInstanceFor(alice).getLastActivity(doraJid)).as("not her contact")
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(e.getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.forbidden));
    }
}
