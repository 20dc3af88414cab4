package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.RoomAffiliation;
import org.passerelle.core.store.RoomStore;
import org.passerelle.core.store.StoredRoom;

/** What every {@link RoomStore} must do; subclassed once per backend. */
abstract class RoomStoreContract extends StoresFixture {
    private RoomStore store() {
        return stores.rooms();
    }

    private static EntityBareJid room(String service, String name) {
        return Jids.of(name + "@" + service).asEntityBareJidOrThrow();
    }

    private static BareJid user(String jid) {
        return Jids.of(jid).asBareJid();
    }

    @Test
    void configIsSavedReplacedAndListedPerService() {
        String service = "conference." + newDomain();
        EntityBareJid b = room(service, "beta");
        EntityBareJid a = room(service, "alpha");
        store().saveConfig(b, Map.of("name", "Beta", "persistent", "1"));
        store().saveConfig(a, Map.of("name", "Alpha \u00e9\u4f60 <&>", "public", "0"));
        store().saveConfig(room("conference." + newDomain(), "other"), Map.of("name", "elsewhere"));
        DomainBareJid svc = Jids.of(service).asDomainBareJid();
        assertThat(store().rooms(svc)).extracting(StoredRoom::jid).containsExactly(a, b);
        assertThat(store().room(a).orElseThrow().config()).isEqualTo(Map.of("name", "Alpha \u00e9\u4f60 <&>", "public", "0"));

        store().saveConfig(b, Map.of("name", "Beta 2"));
        assertThat(store().room(b).orElseThrow().config()).as("the whole config is replaced").isEqualTo(Map.of("name", "Beta 2"));
        assertThat(store().room(room(service, "missing"))).isEmpty();
    }

    @Test
    void affiliationsAreSetReplacedAndRemoved() {
        EntityBareJid r = room("conference." + newDomain(), "room");
        RoomAffiliation owner = new RoomAffiliation(user("owner@example.org"), "owner", null, null);
        assertThat(store().setAffiliation(r, owner)).as("no such room").isFalse();
        store().saveConfig(r, Map.of());
        assertThat(store().setAffiliation(r, owner)).isTrue();
        store().setAffiliation(r, new RoomAffiliation(user("troll@example.org"), "outcast", null, "spam"));
        store().setAffiliation(r, new RoomAffiliation(user("friend@example.org"), "member", "Friend \u00e9", null));
        store().setAffiliation(r, new RoomAffiliation(user("friend@example.org"), "admin", "Friend \u00e9", null));
        assertThat(store().room(r).orElseThrow().affiliations()).containsExactly(
                new RoomAffiliation(user("friend@example.org"), "admin", "Friend \u00e9", null), owner,
                new RoomAffiliation(user("troll@example.org"), "outcast", null, "spam"));

        store().setAffiliation(r, new RoomAffiliation(user("troll@example.org"), "none", null, null));
        store().saveConfig(r, Map.of("name", "renamed"));
        assertThat(store().room(r).orElseThrow().affiliations()).as("saving the config keeps affiliations")
                .extracting(RoomAffiliation::affiliation).containsExactly("admin", "owner");
        assertThat(store().rooms(r.asDomainBareJid()).getFirst().affiliations()).hasSize(2);
    }

    @Test
    void deleteRemovesTheRoomAndItsAffiliations() {
        EntityBareJid r = room("conference." + newDomain(), "gone");
        store().saveConfig(r, Map.of("name", "x"));
        store().setAffiliation(r, new RoomAffiliation(user("a@example.org"), "owner", null, null));
        assertThat(store().delete(r)).isTrue();
        assertThat(store().delete(r)).isFalse();
        assertThat(store().room(r)).isEmpty();
        store().saveConfig(r, Map.of());
        assertThat(store().room(r).orElseThrow().affiliations()).as("a new room with the same name starts clean").isEmpty();
    }

    @Test
    void roomsSurviveClosingAndReopening() {
        EntityBareJid r = room("conference." + newDomain(), "durable");
        store().saveConfig(r, Map.of("name", "kept"));
        store().setAffiliation(r, new RoomAffiliation(user("a@example.org"), "owner", null, null));
        reopen();
        StoredRoom back = store().room(r).orElseThrow();
        assertThat(back.config()).containsEntry("name", "kept");
        assertThat(back.affiliations()).extracting(RoomAffiliation::affiliation).containsExactly("owner");
    }
}
