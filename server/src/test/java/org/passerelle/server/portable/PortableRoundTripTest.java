package org.passerelle.server.portable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.Scram;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.core.routing.Domains;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.ScramHash;
import org.passerelle.core.store.Stores;
import org.passerelle.core.store.Subscription;
import org.passerelle.store.sql.SqlStores;
import org.passerelle.xml.Element;

/** Export then import into an empty server: every store holds the same data, and importing again changes nothing. */
class PortableRoundTripTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    static final Domains DOMAINS = new Domains(Set.of(Jids.of("example.org").asDomainBareJid(), Jids.of("other.example").asDomainBareJid()));

    @TempDir Path dir;
    Stores source;
    Stores target;

    static EntityBareJid jid(String s) {
        return Jids.of(s).asEntityBareJidOrThrow();
    }

    static BareJid bare(String s) {
        return Jids.of(s).asBareJid();
    }

    static PortableImporter importer(Stores stores) {
        return new PortableImporter(stores, DOMAINS, 4096, 1000, 100, CLOCK);
    }

    @BeforeEach
    void open() {
        source = SqlStores.open(StorageConfig.defaults(), dir.resolve("a"));
        target = SqlStores.open(StorageConfig.defaults(), dir.resolve("b"));
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    private void populate() {
        EntityBareJid alice = jid("alice@example.org");
        source.accounts().create(new Account(alice, List.of(Scram.credential(ScramHash.SHA_1, "pw", 4096),
                Scram.credential(ScramHash.SHA_256, "pw", 5000)), true, false, Instant.parse("2025-01-01T00:00:00.123Z")));
        source.accounts().create(new Account(jid("bob@other.example"), List.of(Scram.credential(ScramHash.SHA_256, "x", 4096)),
                false, true, Instant.parse("2025-02-01T00:00:00Z")));
        source.roster().put(alice, new RosterItem(bare("bob@other.example"), "Bob \u00e9", Set.of("Friends", "Work & Co"),
                Subscription.BOTH, false, false, false));
        source.roster().put(alice, new RosterItem(bare("carol@remote.example"), null, Set.of(), Subscription.TO, true, true, true));
        source.roster().put(alice, RosterItem.of(bare("stranger@remote.example")).withPendingIn(true));
        source.roster().put(alice, RosterItem.of(bare("gw.remote.example")).withSubscription(Subscription.FROM));
        source.keyValue().put(alice, "vcard-temp", "vcard", "<vCard xmlns=\"vcard-temp\"><FN>Alice &amp; A</FN><NICKNAME>al</NICKNAME></vCard>");
        source.keyValue().put(alice, "urn:xmpp:blocking", "spam@remote.example", "");
        source.keyValue().put(alice, "jabber:iq:last", "logout", "1700000000|gone");
        for (int i = 0; i < 3; i++) {
            Element m = Element.builder("message", "jabber:client").attr("from", "bob@other.example/r").attr("to", alice.toString())
                    .attr("type", "chat").attr("id", "m" + i).textChild("body", "jabber:client", "hello <" + i + ">").build();
            source.offline().store(alice, new OfflineMessage(0, Instant.parse("2025-03-0" + (i + 1) + "T10:00:00.250Z"), m), 100);
        }
    }

    private static String export(Stores stores) throws Exception {
        StringWriter out = new StringWriter();
        new PortableExporter(stores).export(List.of("example.org", "other.example"), out);
        return out.toString();
    }

    private static ImportReport load(Stores stores, String xml) throws Exception {
        return importer(stores).importFrom(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSameData(Stores a, Stores b, EntityBareJid... jids) {
        for (EntityBareJid j : jids) {
            assertThat(b.accounts().find(j)).isEqualTo(a.accounts().find(j));
            assertThat(b.roster().items(j)).containsExactlyInAnyOrderElementsOf(a.roster().items(j));
            for (String ns : List.of("vcard-temp", "urn:xmpp:blocking", "jabber:iq:last")) {
                assertThat(b.keyValue().all(j, ns)).isEqualTo(a.keyValue().all(j, ns));
            }
            assertThat(b.offline().list(j).stream().map(m -> List.of(m.stored(), m.stanza())).toList())
                    .isEqualTo(a.offline().list(j).stream().map(m -> List.of(m.stored(), m.stanza())).toList());
        }
    }

    @Test
    void aRoundTripLosesNothing() throws Exception {
        populate();
        String xml = export(source);
        ImportReport report = load(target, xml);
        assertThat(report.accountsCreated()).isEqualTo(2);
        assertThat(report.skippedCount()).as(report.summary(50)).isZero();
        assertThat(report.rosterItems()).isEqualTo(4);
        assertThat(report.offlineMessages()).isEqualTo(3);
        assertSameData(source, target, jid("alice@example.org"), jid("bob@other.example"));
        assertThat(export(target)).isEqualTo(xml);
    }

    @Test
    void importingTwiceChangesNothingAndSaysWhy() throws Exception {
        populate();
        String xml = export(source);
        load(target, xml);
        long version = target.roster().version(jid("alice@example.org"));
        ImportReport again = load(target, xml);
        assertThat(again.accountsCreated()).isZero();
        assertThat(again.accountsKept()).isEqualTo(2);
        assertThat(again.offlineMessages()).isZero();
        assertThat(again.reasons()).containsEntry("account exists: its credentials and flags are kept", 2)
                .containsEntry("offline message already stored", 3);
        assertSameData(source, target, jid("alice@example.org"), jid("bob@other.example"));
        assertThat(target.roster().version(jid("alice@example.org"))).isEqualTo(version + 1);
        assertThat(export(target)).isEqualTo(xml);
    }

    @Test
    void passwordsBecomeScramCredentialsThatVerify() throws Exception {
        ImportReport r = load(target, """
                <server-data xmlns='urn:xmpp:pie:0'><host jid='example.org'>
                  <user name='dave' password='s3cr&#233;t'/>
                </host></server-data>""");
        assertThat(r.accountsCreated()).isEqualTo(1);
        Account dave = target.accounts().find(jid("dave@example.org")).orElseThrow();
        assertThat(dave.credentials()).hasSize(2);
        for (var c : dave.credentials()) {
            assertThat(Scram.credential(c.hash(), "s3cr\u00e9t", c.salt(), c.iterations())).isEqualTo(c);
            assertThat(c.iterations()).isEqualTo(4096);
        }
        assertThat(dave.created()).isEqualTo(CLOCK.instant());
    }
}
