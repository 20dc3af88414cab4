package org.passerelle.modules.muc;

/** Namespaces of XEP-0045 and the small XEPs around it. */
final class Muc {
    static final String NS = "http://jabber.org/protocol/muc";
    static final String USER = NS + "#user";
    static final String ADMIN = NS + "#admin";
    static final String OWNER = NS + "#owner";
    static final String ROOMCONFIG = NS + "#roomconfig";
    static final String ROOMINFO = NS + "#roominfo";
    /** XEP-0421. */
    static final String OCCUPANT_ID = "urn:xmpp:occupant-id:0";
    /** XEP-0410. */
    static final String SELF_PING = NS + "#self-ping-optimization";
    static final String PING = "urn:xmpp:ping";
    /** XEP-0249 direct invitations (client to client; the service needs nothing for them). */
    static final String DIRECT_INVITE = "jabber:x:conference";
    /** XEP-0313: a room advertises it only while an archive module serves rooms and its owner lets it archive. */
    static final String MAM = "urn:xmpp:mam:2";
    /** XEP-0359: the room's archive stamps its ids. */
    static final String STANZA_ID = "urn:xmpp:sid:0";

    private Muc() {
    }
}
