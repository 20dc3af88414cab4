package org.passerelle.modules.mam;

import java.util.function.UnaryOperator;
import org.passerelle.core.event.GroupchatMessage;
import org.passerelle.core.event.RoomIqRequest;
import org.passerelle.core.routing.Router;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.ArchivedMessage;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives of XEP-0045 rooms (XEP-0313 §5.1.2), joined to the MUC service only through core
 * events. Each groupchat message with a body goes into the room's archive (owner: the room's bare
 * JID; peer: the occupant JID room/nick) and gets the room's {@code <stanza-id by='room'/>}.
 * In a non-anonymous room the archived copy also names the sender's real bare JID in an
 * {@code <x xmlns='muc#user'><item jid/></x>}; results show it only to those the room lets see
 * real JIDs (never in a room that became semi-anonymous since). Queries and metadata sent to the
 * room arrive after the room's own access check (outcasts and non-members of members-only rooms
 * are refused there).
 */
final class RoomArchive {
    private static final Logger LOG = LoggerFactory.getLogger(RoomArchive.class);
    static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private final ArchiveStore store;
    private final Router router;
    private final ArchiveQueries queries;

    RoomArchive(ArchiveStore store, Router router, ArchiveQueries queries) {
        this.store = store;
        this.router = router;
        this.queries = queries;
    }

    /** Listener for {@link GroupchatMessage}, under the room's lock: archives and stamps the message. */
    boolean message(GroupchatMessage e) {
        if (!e.archived()) return false;
        // Only the room says who sent a message: a client's own muc#user element is not kept.
        Element kept = e.message().withoutChildren("x", MUC_USER);
        if (e.senderPublic()) {
            kept = kept.withChild(Element.builder("x", MUC_USER)
                    .child(Element.builder("item", MUC_USER).attr("jid", e.sender().asBareJid().toString()).build()).build());
        }
        try {
            ArchivedMessage m = store.append(e.room(), new ArchivedMessage(null, e.at(), e.from(), false, kept));
            e.add(Element.builder("stanza-id", StanzaIds.NS).attr("by", e.room().toString()).attr("id", m.id()).build());
        } catch (RuntimeException ex) {
            LOG.warn("could not archive a message in {}; broadcasting it unarchived", e.room(), ex);
        }
        return false;
    }

    /** Listener for {@link RoomIqRequest}: answers the room's MAM queries, routes the answer. */
    boolean request(RoomIqRequest e) {
        Element payload = e.iq().element().firstElement();
        if (payload == null || !MamModule.NS.equals(payload.namespace())) return false;
        UnaryOperator<Element> view = e.seesRealJids() ? UnaryOperator.identity() : RoomArchive::withoutRealJid;
        try {
            Stanza answer = switch (payload.name()) {
                case "query" -> queries.query(e.room(), e.iq(), view);
                case "metadata" -> queries.metadata(e.room(), e.iq());
                case "prefs" -> throw new StanzaException("feature-not-implemented",
                        "a room's owner turns archiving on or off in its configuration (muc#roomconfig_enablearchiving)");
                default -> throw new StanzaException("feature-not-implemented", null);
            };
            router.route(answer);
        } catch (StanzaException ex) {
            router.bounce(e.iq(), ex.condition(), ex.getMessage());
        }
        return true;
    }

    static Element withoutRealJid(Element message) {
        return message.withoutChildren("x", MUC_USER);
    }
}
