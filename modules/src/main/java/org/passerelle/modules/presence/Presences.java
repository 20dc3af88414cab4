package org.passerelle.modules.presence;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;

/** Building presence stanzas and sending an account's presence to one entity. */
final class Presences {
    static final String SUBSCRIBE = "subscribe";
    static final String SUBSCRIBED = "subscribed";
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String UNSUBSCRIBED = "unsubscribed";
    static final String UNAVAILABLE = "unavailable";
    static final String PROBE = "probe";

    private final ServerContext server;

    Presences(ServerContext server) {
        this.server = server;
    }

    static Stanza of(Jid from, Jid to, String type) {
        return Stanza.of(Element.builder("presence", Namespaces.CLIENT).attr("type", type).build(), from, to);
    }

    static boolean isSubscription(String type) {
        return SUBSCRIBE.equals(type) || SUBSCRIBED.equals(type) || UNSUBSCRIBE.equals(type) || UNSUBSCRIBED.equals(type);
    }

    void route(Stanza stanza) {
        server.router().route(stanza);
    }

    /** The current presence of each available resource of the account, to {@code to} (§3.1.5, §4.3.2). */
    void sendAvailable(EntityBareJid owner, Jid to) {
        for (Session s : server.sessions().sessions(owner)) {
            Stanza p = s.presence();
            if (p != null) route(p.withFrom(s.jid()).withTo(to));
        }
    }

    /** Unavailable presence from each available resource of the account, to {@code to} (§3.2.2). */
    void sendUnavailable(EntityBareJid owner, Jid to) {
        for (Session s : server.sessions().sessions(owner)) {
            if (s.isAvailable()) route(of(s.jid(), to, UNAVAILABLE));
        }
    }

    /** Gives the stanza to every available session of the account (RFC 6121 §8.5.2.1.2). */
    void deliverToAvailable(EntityBareJid owner, Stanza stanza) {
        for (Session s : server.sessions().sessions(owner)) {
            if (s.isAvailable()) server.router().deliver(s, stanza);
        }
    }

    boolean exists(EntityBareJid account) {
        return !server.sessions().sessions(account).isEmpty() || server.accounts().exists(account);
    }
}
