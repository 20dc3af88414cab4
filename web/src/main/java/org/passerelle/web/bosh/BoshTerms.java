package org.passerelle.web.bosh;

import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;

/**
 * What a session was agreed at creation (XEP-0124 §7), and the two things made from it: the
 * stream header each (re)start fires into the stream handler, and the creation answer's attributes.
 *
 * @param waitSeconds the longest a request is held
 * @param hold        the most requests held at once (0 or 1)
 */
record BoshTerms(String domain, String lang, int waitSeconds, int hold, String ver, int inactivity, int polling) {
    /** The window of rids and of kept answers: one more than {@code hold} (§7.2). */
    int requests() {
        return hold + 1;
    }

    /** The {@code <stream:stream>} header the client stream handler expects, for the first stream and each restart. */
    Element streamHeader() {
        return Element.builder("stream", Namespaces.STREAMS).attr("xmlns", Namespaces.CLIENT).attr("to", domain)
                .attr("version", "1.0").attr("xml:lang", lang).build();
    }

    /** The session creation answer, before its payload; {@code streamId} is the XEP-0206 {@code authid}. */
    StringBuilder creationAnswer(String sid, String streamId) {
        return BoshResponse.open("sid", sid, "wait", Integer.toString(waitSeconds), "inactivity", Integer.toString(inactivity),
                "polling", Integer.toString(polling), "requests", Integer.toString(requests()), "hold", Integer.toString(hold),
                "ver", ver, "from", domain, "authid", streamId,
                "xmlns:xmpp", BoshBody.XBOSH, "xmpp:version", "1.0", "xmpp:restartlogic", "true");
    }
}
