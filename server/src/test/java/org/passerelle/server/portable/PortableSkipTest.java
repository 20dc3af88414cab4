package org.passerelle.server.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.core.store.Stores;
import org.passerelle.store.sql.SqlStores;

/** What an import cannot take is reported item by item, and the rest still goes in. */
class PortableSkipTest {
    @TempDir Path dir;

    private ImportReport load(Stores stores, int rosterLimit, String xml) throws Exception {
        return new PortableImporter(stores, PortableRoundTripTest.DOMAINS, 4096, rosterLimit, 1, Clock.systemUTC())
                .importFrom(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reportsEverySkippedItemWithItsReason() throws Exception {
        try (Stores stores = SqlStores.open(StorageConfig.defaults(), dir)) {
            ImportReport r = load(stores, 2, """
                    <server-data xmlns='urn:xmpp:pie:0'>
                      <host jid='elsewhere.example'><user name='x' password='p'/></host>
                      <host jid='example.org'>
                        <user name='no credentials'/>
                        <user name='nopass'/>
                        <user name='ok' password='p'>
                          <scram-credentials xmlns='urn:xmpp:pie:0#scram' mechanism='SCRAM-SHA-512'>
                            <iter-count>4096</iter-count><salt>AAAA</salt><server-key>AAAA</server-key><stored-key>AAAA</stored-key>
                          </scram-credentials>
                          <query xmlns='jabber:iq:roster'>
                            <item jid='a@example.org' subscription='both'/>
                            <item jid='@@bad' subscription='both'/>
                            <item jid='b@example.org' subscription='sideways'/>
                            <item jid='c@example.org'/>
                            <item jid='d@example.org'/>
                          </query>
                          <query xmlns='jabber:iq:privacy'/>
                          <offline-messages>
                            <message xmlns='jabber:client' to='ok@example.org'><body>1</body></message>
                            <message xmlns='jabber:client' to='ok@example.org'><body>2</body></message>
                            <presence xmlns='jabber:client'/>
                          </offline-messages>
                        </user>
                        <include xmlns='http://www.w3.org/2001/XInclude' href='more.xml'/>
                      </host>
                    </server-data>""");
            assertThat(r.accountsCreated()).isEqualTo(1);
            assertThat(r.rosterItems()).isEqualTo(2);
            assertThat(r.offlineMessages()).isEqualTo(1);
            assertThat(r.skipped()).extracting(ImportReport.Skipped::where, ImportReport.Skipped::why).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("host elsewhere.example", "domain not hosted here: its users are skipped"),
                    org.assertj.core.groups.Tuple.tuple("x@elsewhere.example", "domain not hosted here"),
                    org.assertj.core.groups.Tuple.tuple("no credentials@example.org", "not a valid account JID"),
                    org.assertj.core.groups.Tuple.tuple("nopass@example.org", "no password and no SCRAM-SHA-1 or SCRAM-SHA-256 credentials"),
                    org.assertj.core.groups.Tuple.tuple("ok@example.org", "unsupported mechanism SCRAM-SHA-512"),
                    org.assertj.core.groups.Tuple.tuple("ok@example.org", r.skipped().get(5).why()),
                    org.assertj.core.groups.Tuple.tuple("ok@example.org", r.skipped().get(6).why()),
                    org.assertj.core.groups.Tuple.tuple("ok@example.org", "not supported: {jabber:iq:privacy}query"),
                    org.assertj.core.groups.Tuple.tuple("ok@example.org", "offline item that is not a message: {jabber:client}presence"),
                    org.assertj.core.groups.Tuple.tuple("host example.org", "not supported: {http://www.w3.org/2001/XInclude}include"),
                    org.assertj.core.groups.Tuple.tuple("ok@example.org", "roster item d@example.org: more than 2 contacts (limits.rosterItems)"),
                    org.assertj.core.groups.Tuple.tuple("ok@example.org", "offline message over the quota of 1 (limits.offlineMessages)"));
            assertThat(r.skipped().get(5).why()).startsWith("roster item '@@bad'");
            assertThat(r.skipped().get(6).why()).isEqualTo("roster item 'b@example.org': subscription 'sideways' is not none, to, from or both");
            assertThat(r.users()).isEqualTo(3);
        }
    }

    @Test
    void refusesAFileThatIsNotXep0227OrHasADtd() throws Exception {
        try (Stores stores = SqlStores.open(StorageConfig.defaults(), dir)) {
            assertThatThrownBy(() -> load(stores, 10, "<users/>")).isInstanceOf(XMLStreamException.class).hasMessageContaining("XEP-0227");
            assertThatThrownBy(() -> load(stores, 10, "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                    + "<server-data xmlns='urn:xmpp:pie:0'><host jid='example.org'><user name='e' password='&e;'/></host></server-data>"))
                    .isInstanceOf(XMLStreamException.class);
            assertThat(stores.accounts().count("example.org")).isZero();
        }
    }
}
