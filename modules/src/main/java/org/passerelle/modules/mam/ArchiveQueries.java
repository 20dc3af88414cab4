package org.passerelle.modules.mam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.passerelle.core.routing.Router;
import org.passerelle.core.stanza.Delays;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.ArchivePage;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.ArchivedMessage;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * Answers XEP-0313 queries on one archive, whoever owns it: an account here, a room for the MUC
 * (after the room's own access check, see {@link RoomArchive}). The results go to the requester
 * as messages from the archive's JID, then the returned IQ result carries {@code <fin/>}. Public:
 * it works for any owner JID.
 */
public final class ArchiveQueries {
    static final String FORWARD = "urn:xmpp:forward:0";

    private final ArchiveStore store;
    private final Router router;
    private final MamOptions options;

    public ArchiveQueries(ArchiveStore store, Router router, MamOptions options) {
        this.store = store;
        this.router = router;
        this.options = options;
    }

    /** IQ get: the search form (§4.1.5). IQ set: runs the query. */
    public Stanza query(BareJid owner, Stanza iq) throws StanzaException {
        return query(owner, iq, UnaryOperator.identity());
    }

    /** The same, each archived stanza passed through {@code view} first (to hide what the requester may not see). */
    public Stanza query(BareJid owner, Stanza iq, UnaryOperator<Element> view) throws StanzaException {
        if (iq.element().firstElement().attr("node") != null) {
            throw new StanzaException("feature-not-implemented", "no pubsub node archives (XEP-0442)");
        }
        if ("get".equals(iq.type())) return iq.result(Element.builder("query", MamModule.NS).child(form().toElement()).build());
        MamQuery q = MamQuery.parse(iq.element().firstElement(), options.defaultPageSize(), options.maxPageSize());
        for (String id : new String[] {q.after(), q.before(), q.filter().afterId(), q.filter().beforeId()}) {
            if (id != null && !store.contains(owner, id)) throw new StanzaException("item-not-found", "no message " + id + " in the archive");
        }
        ArchivePage page = store.page(owner, q.filter(), q.after(), q.before(), q.fromEnd(), q.max());
        List<ArchivedMessage> results = new ArrayList<>(page.messages());
        if (q.flip()) Collections.reverse(results);
        for (ArchivedMessage m : results) router.route(Stanza.of(result(q.queryId(), m, view), owner, iq.from()));
        Element.Builder set = Element.builder("set", MamQuery.RSM);
        if (!results.isEmpty()) {
            set.textChild("first", MamQuery.RSM, results.getFirst().id()).textChild("last", MamQuery.RSM, results.getLast().id());
        }
        if (options.countResults()) set.textChild("count", MamQuery.RSM, Long.toString(store.count(owner, q.filter())));
        Element.Builder fin = Element.builder("fin", MamModule.NS).attr("queryid", q.queryId());
        if (page.complete()) fin.attr("complete", "true");
        return iq.result(fin.child(set.build()).build());
    }

    /** The first and last message of the archive (XEP-0313 §5.3 metadata); empty for an empty archive. */
    public Stanza metadata(BareJid owner, Stanza iq) throws StanzaException {
        if (!"get".equals(iq.type())) throw new StanzaException("bad-request", "metadata is read with an IQ get");
        Element.Builder b = Element.builder("metadata", MamModule.NS);
        store.edge(owner, false).ifPresent(m -> b.child(edge("start", m)));
        store.edge(owner, true).ifPresent(m -> b.child(edge("end", m)));
        return iq.result(b.build());
    }

    private static Element result(String queryId, ArchivedMessage m, UnaryOperator<Element> view) {
        Element forwarded = Element.builder("forwarded", FORWARD)
                .child(Delays.delay(null, m.stamp(), null))
                .child(view.apply(m.stanza())).build();
        Element result = Element.builder("result", MamModule.NS).attr("queryid", queryId).attr("id", m.id()).child(forwarded).build();
        return Element.builder("message", Namespaces.CLIENT).child(result).build();
    }

    private static Element edge(String name, ArchivedMessage m) {
        return Element.builder(name, MamModule.NS).attr("id", m.id()).attr("timestamp", Delays.stamp(m.stamp())).build();
    }

    private static DataForm form() {
        return DataForm.form(MamModule.NS, null, null,
                Field.jidSingle("with", null), Field.textSingle("start", null), Field.textSingle("end", null),
                Field.textSingle("after-id", null), Field.textSingle("before-id", null), Field.textMulti("ids", null));
    }
}
