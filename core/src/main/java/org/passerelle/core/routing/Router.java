package org.passerelle.core.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.metrics.Metrics;
import org.passerelle.core.session.Session;
import org.passerelle.core.session.SessionRegistry;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a stanza goes (see the package documentation for the picture). Thread-safe;
 * runs on the calling thread, which may block (stores), so never call it on an I/O event loop.
 */
public final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Domains domains;
    private final SessionRegistry sessions;
    private final Hooks hooks;
    private final IqDispatcher iqs;
    private final Metrics metrics;
    private final Map<DomainBareJid, StanzaHandler> domainRoutes = new ConcurrentHashMap<>();
    private volatile StanzaHandler remoteRoute = s -> {
        bounce(s, "remote-server-not-found", "this server does not federate yet");
        return true;
    };

    public Router(Domains domains, SessionRegistry sessions, Hooks hooks, IqDispatcher iqs, Metrics metrics) {
        this.domains = domains;
        this.sessions = sessions;
        this.hooks = hooks;
        this.iqs = iqs;
        this.metrics = metrics;
    }

    /** A component or gateway takes everything addressed to its domain (e.g. {@code sms.example.org}). */
    public Runnable registerDomain(DomainBareJid domain, StanzaHandler handler) {
        if (domains.isLocal(domain)) throw new IllegalArgumentException(domain + " is a hosted domain");
        if (domainRoutes.putIfAbsent(domain, handler) != null) throw new IllegalStateException(domain + " is taken");
        return () -> domainRoutes.remove(domain, handler);
    }

    /** What takes stanzas to domains that are neither hosted nor registered (s2s, once it exists). */
    public void setRemoteRoute(StanzaHandler handler) {
        this.remoteRoute = handler;
    }

    public void route(Stanza stanza) {
        try {
            Jid to = stanza.to();
            if (to == null) {
                local(Destination.SERVER, stanza);
                return;
            }
            DomainBareJid domain = to.asDomainBareJid();
            StanzaHandler component = domainRoutes.get(domain);
            if (component != null) {
                if (!component.handle(stanza)) bounce(stanza, "service-unavailable", null);
            } else if (!domains.isLocal(domain)) {
                remoteRoute.handle(stanza);
            } else if (!to.hasLocalpart()) {
                if (to.hasResource()) bounce(stanza, "service-unavailable", null);
                else local(Destination.SERVER, stanza);
            } else {
                local(to.hasResource() ? Destination.RESOURCE : Destination.ACCOUNT, stanza);
            }
        } catch (Exception e) {
            LOG.error("routing failed for a {} to {}", stanza.kind(), stanza.to(), e);
            bounce(stanza, "internal-server-error", null);
        }
    }

    private void local(Destination destination, Stanza stanza) throws Exception {
        if (stanza.isIq() && destination != Destination.RESOURCE) {
            Stanza answer = iqs.dispatch(destination, stanza);
            if (answer != null) route(answer);
            return;
        }
        Stanza s = stanza;
        if (destination != Destination.SERVER) {
            for (LocalInterceptor i : hooks.local()) {
                s = i.intercept(destination, s);
                if (s == null) return;
            }
        }
        for (StanzaHandler h : hooks.handlers(destination, s.kind())) {
            if (h.handle(s)) return;
        }
        fallback(destination, s);
    }

    /** What happens when no module took the stanza. */
    private void fallback(Destination destination, Stanza stanza) {
        if (destination == Destination.RESOURCE) {
            Session session = sessions.get((EntityFullJid) stanza.to());
            if (session != null) {
                deliver(session, stanza);
                return;
            }
        }
        if (stanza.isIqRequest() || (stanza.isMessage() && destination == Destination.ACCOUNT)) {
            bounce(stanza, "service-unavailable", null);
        }
        // Presence and the rest are dropped silently, as RFC 6121 §8 asks.
    }

    /**
     * An operator's announcement (XEP-0133 §4.23, the admin API): a headline from the domain to
     * every session of the domain, through the delivery interceptors. Headlines are not stored
     * offline, which suits a one-time notice. Returns how many sessions it went to.
     */
    public int announce(DomainBareJid domain, String text) {
        Element message = Element.builder("message", Namespaces.CLIENT).attr("type", "headline")
                .textChild("body", Namespaces.CLIENT, text).build();
        List<Session> targets = sessions.all().stream().filter(s -> s.jid().asDomainBareJid().equals(domain)).toList();
        for (Session s : targets) deliver(s, Stanza.of(message, domain, s.jid()));
        return targets.size();
    }

    /** Gives the stanza to one session, through the delivery interceptors. */
    public void deliver(Session session, Stanza stanza) {
        Stanza s = stanza;
        for (DeliveryInterceptor i : hooks.delivery()) {
            s = i.intercept(session, s);
            if (s == null) return;
        }
        metrics.stanzaOut(s.kind());
        session.deliver(s);
    }

    /** Answers the stanza's sender with an error, unless it is itself an error or an IQ answer. */
    public void bounce(Stanza stanza, String condition, String text) {
        if ("error".equals(stanza.type()) || (stanza.isIq() && !stanza.isIqRequest()) || stanza.from() == null) return;
        if (stanza.isPresence() && stanza.type() != null && !"probe".equals(stanza.type())) return;
        route(stanza.error(condition, text));
    }
}
