package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.mam.element.MamElements.MamResultExtension;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jivesoftware.smackx.xdata.FormField;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XEP-0313 queries beyond paging (MamIT): time ranges, before/after ids (RSM and the
 * {@code #extended} form fields), the page size cap, and the errors for bad RSM and unknown ids,
 * which send no results and change nothing.
 */
class MamQueriesIT {
    private static final String MAM = "urn:xmpp:mam:2";
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("modules: {mam: {maxPageSize: 5, defaultPageSize: 5}}\n");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static XMPPTCPConnection connect(String user, String password, String resource) throws Exception {
        XMPPTCPConnection c = server.connection(user, password, resource);
        c.setReplyTimeout(30_000);
        c.connect().login();
        return c;
    }

    /** Sends {@code count} chat messages and waits for each; returns the recipient's stanza-ids. */
    private static List<String> chat(XMPPTCPConnection from, XMPPTCPConnection to, String prefix, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Inbox<Message> inbox = Inbox.messages(to)) {
            for (int i = 0; i < count; i++) {
                ChatManager.getInstanceFor(from).chatWith(to.getUser().asEntityBareJid()).send(prefix + i);
                ids.add(StanzaIdElement.getStanzaId(inbox.next()).getId());
            }
        }
        return ids;
    }

    private static List<String> bodies(MamQuery q) {
        return q.getMessages().stream().map(Message::getBody).toList();
    }

    private static List<String> ids(MamQuery q) {
        return q.getMamResultExtensions().stream().map(MamResultExtension::getId).toList();
    }

    private static FormField field(String var, String value) {
        return FormField.textSingleBuilder(var).setValue(value).build();
    }

    @Test
    void timeRangesAndIdBoundsSelectTheMessagesBetweenThem() throws Exception {
        server.user("ivy", "i-pw");
        server.user("jack", "j-pw");
        XMPPTCPConnection ivy = connect("ivy", "i-pw", "phone");
        XMPPTCPConnection jack = connect("jack", "j-pw", "pc");
        chat(ivy, jack, "m", 4);
        MamManager mam = Mam.of(ivy);
        assertThat(ServiceDiscoveryManager.getInstanceFor(ivy).discoverInfo(ivy.getUser().asBareJid())
                .containsFeature(MAM + "#extended")).isTrue();
        MamQuery all = mam.queryArchive(MamQueryArgs.builder().build());
        List<String> ids = ids(all);
        List<Date> stamps = all.getPage().getForwarded().stream().map(f -> f.getDelayInformation().getStamp()).toList();
        assertThat(bodies(all)).containsExactly("m0", "m1", "m2", "m3");

        // start and end are inclusive; the expected set is read from the stamps in case two share a millisecond.
        Date from = stamps.get(1);
        Date to = stamps.get(2);
        List<String> inRange = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (!stamps.get(i).before(from) && !stamps.get(i).after(to)) inRange.add("m" + i);
        }
        MamQuery range = mam.queryArchive(MamQueryArgs.builder().limitResultsSince(from).limitResultsBefore(to).build());
        assertThat(bodies(range)).contains("m1", "m2").isEqualTo(inRange);
        assertThat(bodies(mam.queryArchive(MamQueryArgs.builder().limitResultsSince(new Date(stamps.get(3).getTime() + 1)).build())))
                .isEmpty();

        MamQuery between = mam.queryArchive(MamQueryArgs.builder()
                .withAdditionalFormField(field("after-id", ids.get(0))).withAdditionalFormField(field("before-id", ids.get(3))).build());
        assertThat(bodies(between)).containsExactly("m1", "m2");
        assertThat(bodies(mam.queryArchive(MamQueryArgs.builder().afterUid(ids.get(1)).build()))).containsExactly("m2", "m3");
        assertThat(bodies(mam.queryArchive(MamQueryArgs.builder().beforeUid(ids.get(2)).build()))).containsExactly("m0", "m1");
        ivy.disconnect();
        jack.disconnect();
    }

    @Test
    void aHugeMaxIsCappedAndBadRsmOrUnknownIdsAreRefusedWithoutResults() throws Exception {
        EntityBareJid kimJid = server.user("kim", "k-pw");
        server.user("leo", "l-pw");
        XMPPTCPConnection kim = connect("kim", "k-pw", "phone");
        XMPPTCPConnection leo = connect("leo", "l-pw", "pc");
        List<String> leosIds = chat(kim, leo, "n", 7);
        MamManager mam = Mam.of(kim);
        MamQuery leos = Mam.of(leo).queryArchive(MamQueryArgs.builder().setResultPageSizeTo(5).build());
        List<String> leosArchive = new ArrayList<>(ids(leos));
        leos.pageNext(5);
        leosArchive.addAll(ids(leos));
        assertThat(leosArchive).as("each delivered stanza-id is the archive id").isEqualTo(leosIds);

        MamQuery capped = mam.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(1_000_000).build());
        assertThat(bodies(capped)).containsExactly("n0", "n1", "n2", "n3", "n4");
        assertThat(capped.isComplete()).isFalse();

        AtomicInteger results = new AtomicInteger();
        kim.addSyncStanzaListener(s -> results.incrementAndGet(), s -> s instanceof Message && s.hasExtension("result", MAM));
        String form = "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>" + MAM + "</value></field>%s</x>";
        expectError(kim, kimJid, "<set xmlns='http://jabber.org/protocol/rsm'><max>-1</max></set>", StanzaError.Condition.bad_request);
        expectError(kim, kimJid, "<set xmlns='http://jabber.org/protocol/rsm'><max>lots</max></set>", StanzaError.Condition.bad_request);
        expectError(kim, kimJid, "<set xmlns='http://jabber.org/protocol/rsm'><max>2</max><index>3</index></set>",
                StanzaError.Condition.feature_not_implemented);
        // leo's ids are real archive ids, but not in kim's archive.
        expectError(kim, kimJid, "<set xmlns='http://jabber.org/protocol/rsm'><after>" + leosIds.get(2) + "</after></set>",
                StanzaError.Condition.item_not_found);
        expectError(kim, kimJid, form.formatted("<field var='after-id'><value>" + leosIds.get(2) + "</value></field>"),
                StanzaError.Condition.item_not_found);
        expectError(kim, kimJid, form.formatted("<field var='start'><value>yesterday</value></field>"), StanzaError.Condition.bad_request);
        assertThat(results.get()).as("no result sent for a refused query").isZero();

        MamQuery again = mam.queryArchive(MamQueryArgs.builder().build());
        assertThat(ids(again)).isEqualTo(ids(capped));
        assertThat(again.pageNext(5)).extracting(Message::getBody).containsExactly("n5", "n6");
        kim.disconnect();
        leo.disconnect();
    }

    @Test
    void aMessageKeptOfflineArrivesWithItsArchiveId() throws Exception {
        server.user("mia", "m-pw");
        server.user("nia", "n-pw");
        XMPPTCPConnection mia = connect("mia", "m-pw", "phone");
        ChatManager.getInstanceFor(mia).chatWith(JidCreate.entityBareFrom("nia@localhost")).send("while you were away");
        XMPPTCPConnection nia = server.connection("nia", "n-pw", "pc");
        nia.setReplyTimeout(30_000);
        try (Inbox<Message> inbox = Inbox.messages(nia)) {
            nia.connect().login();
            Message offline = inbox.next();
            assertThat(offline.getBody()).isEqualTo("while you were away");
            StanzaIdElement sid = StanzaIdElement.getStanzaId(offline);
            assertThat(sid).isNotNull();
            assertThat(sid.getBy()).isEqualTo("nia@localhost");
            assertThat(ids(Mam.of(nia).queryArchive(MamQueryArgs.builder().build()))).containsExactly(sid.getId());
        }
        mia.disconnect();
        nia.disconnect();
    }

    private static void expectError(XMPPTCPConnection c, EntityBareJid own, String inner, StanzaError.Condition condition) {
        assertThatThrownBy(() -> RawIq.send(c, IQ.Type.set, own, "query", MAM, inner))
                .as(inner).isInstanceOfSatisfying(XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(condition));
    }
}
