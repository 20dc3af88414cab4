package org.passerelle.modules.muc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RoomAffiliation;
import org.passerelle.core.store.StoredRoom;
import org.passerelle.core.util.Digests;
import org.passerelle.xml.Element;

/**
 * One room's state. Every field is read and written only while {@link #lock} is held (the
 * {@link MucService} takes it around each stanza); stanzas are routed while it is held, so the
 * room's events reach every occupant in the order they happened.
 */
final class Room {
    final EntityBareJid jid;
    final MucService service;
    final ReentrantLock lock = new ReentrantLock();
    final Occupants occupants = new Occupants();
    final History history;
    private final Map<BareJid, RoomAffiliation> affiliations = new LinkedHashMap<>();
    private final String salt;
    RoomConfig config;
    /** The subject and who set it (empty nick: the room itself). */
    String subject = "";
    String subjectNick = "";
    /** Created but not yet configured by its owner (status 201): nobody else may enter. */
    boolean locked;
    /** Destroyed or emptied; whoever still holds this object must look the room up again. */
    boolean gone;
    /** Announced to location searches ({@link RoomPlaces}). */
    boolean listed;

    private Room(EntityBareJid jid, MucService service, RoomConfig config, String salt) {
        this.jid = jid;
        this.service = service;
        this.config = config;
        this.salt = salt;
        this.history = new History(service.options().maxHistory());
    }

    /** A new room with its creator as owner, locked until configured. */
    static Room create(EntityBareJid jid, MucService service, BareJid owner, boolean locked) {
        byte[] random = new byte[16];
        service.random().nextBytes(random);
        Room room = new Room(jid, service, service.defaults(), Base64.getEncoder().encodeToString(random));
        room.affiliations.put(owner, new RoomAffiliation(owner, Affiliation.OWNER.xml(), null, null));
        room.locked = locked;
        return room;
    }

    static Room load(StoredRoom stored, MucService service) {
        Map<String, String> m = stored.config();
        Room room = new Room(stored.jid(), service, RoomConfig.fromMap(m, service.defaults()), m.getOrDefault("salt", ""));
        room.subject = m.getOrDefault("subject", "");
        room.subjectNick = m.getOrDefault("subjectNick", "");
        for (RoomAffiliation a : stored.affiliations()) room.affiliations.put(a.jid(), a);
        return room;
    }

    Affiliation affiliation(BareJid user) {
        RoomAffiliation a = affiliations.get(user);
        return a == null ? Affiliation.NONE : Affiliation.parse(a.affiliation());
    }

    /** The users with this affiliation, with the reason given for each. */
    List<RoomAffiliation> withAffiliation(Affiliation a) {
        List<RoomAffiliation> out = new ArrayList<>();
        for (RoomAffiliation r : affiliations.values()) if (r.affiliation().equals(a.xml())) out.add(r);
        return out;
    }

    /** Sets the affiliation; a registered nickname stays, except for outcasts and "none". */
    void setAffiliation(BareJid user, Affiliation a, String reason) {
        String nick = a == Affiliation.OUTCAST || a == Affiliation.NONE ? null : registeredNick(user);
        put(new RoomAffiliation(user, a.xml(), nick, reason));
    }

    /** Registers (or with null forgets) the user's nickname; the user keeps its affiliation. */
    void registerNick(BareJid user, String nick) {
        RoomAffiliation a = affiliations.get(user);
        if (a != null) put(new RoomAffiliation(user, a.affiliation(), nick, a.reason()));
    }

    private void put(RoomAffiliation r) {
        if (r.affiliation().equals(Affiliation.NONE.xml())) affiliations.remove(r.jid());
        else affiliations.put(r.jid(), r);
        if (config.persistent() && !locked) service.store().setAffiliation(jid, r);
    }

    /** The nickname the user registered, or null. */
    String registeredNick(BareJid user) {
        RoomAffiliation a = affiliations.get(user);
        return a == null ? null : a.nick();
    }

    /** Who registered this nickname (compared normalised), or null. */
    BareJid nickOwner(String nick) {
        String key = Nicknames.key(nick);
        for (RoomAffiliation a : affiliations.values()) {
            if (a.nick() != null && Nicknames.key(a.nick()).equals(key)) return a.jid();
        }
        return null;
    }

    /** Drops the affiliations from memory only (the room is being destroyed). */
    void forgetAffiliations() {
        affiliations.clear();
    }

    /** Writes the whole room to the store when it is persistent (and configured). */
    void save() {
        if (!config.persistent() || locked) return;
        saveConfig();
        for (RoomAffiliation a : affiliations.values()) service.store().setAffiliation(jid, a);
    }

    /** Writes the configuration and subject (not the affiliations, stored as they change) of a persistent room. */
    void saveConfig() {
        if (!config.persistent() || locked) return;
        Map<String, String> m = new HashMap<>(config.toMap());
        m.put("subject", subject);
        m.put("subjectNick", subjectNick);
        m.put("salt", salt);
        service.store().saveConfig(jid, m);
    }

    /** XEP-0421: the same for one user in this room every time, and says nothing about the real JID. */
    String occupantId(BareJid user) {
        byte[] digest = Digests.sha256((salt + "\0" + jid + "\0" + user).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    EntityFullJid occupantJid(String nick) {
        return JidCreate.entityFullFrom(jid.getLocalpart(), jid.getDomain(), Resourcepart.fromOrThrowUnchecked(nick));
    }

    /** May this recipient see occupants' real JIDs (whois)? */
    boolean showsJidsTo(Occupant recipient) {
        return config.nonAnonymous() || recipient.role() == Role.MODERATOR;
    }

    /** The room's name, or its localpart when it has none. */
    String displayName() {
        return config.name().isEmpty() ? jid.getLocalpart().toString() : config.name();
    }

    int maxUsers() {
        int limit = service.options().maxUsers();
        return config.maxUsers() == 0 ? limit : Math.min(config.maxUsers(), limit);
    }

    /** Sends a stanza the room built, from {@code from}, to {@code to}. */
    void send(Element stanza, Jid from, Jid to) {
        service.router().route(Stanza.of(stanza, from, to));
    }

    /** A message from the room itself to every occupant (status codes, subject). */
    void sendToAll(Element message) {
        for (Occupant o : occupants.all()) send(message, jid, o.real());
    }
}
