package org.passerelle.modules.proxy65;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.DiscoItem;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * SOCKS5 bytestreams proxy at {@code proxy.<domain>}: announces its streamhost and activates
 * streams for the initiator; the bytes go through {@link Socks5Listener}. Off unless enabled.
 */
@Implements(spec = "XEP-0065", version = "1.8.2", note = "proxy (streamhost) at proxy.<domain>, for accounts of hosted domains; no UDP")
public final class Proxy65Module implements Module {
    static final String NS = "http://jabber.org/protocol/bytestreams";

    private ServerContext server;
    private Proxy65Options options;
    private Socks5Listener listener;

    @Override
    public String name() {
        return "proxy65";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        options = ctx.options(Proxy65Options.class);
        if (!options.enabled()) return;
        try {
            listener = new Socks5Listener(options, server.scheduler());
        } catch (IOException e) {
            throw new UncheckedIOException("proxy65: cannot listen on " + options.listenHost() + ":" + options.port(), e);
        }
        ctx.onStop(listener::close);
        for (DomainBareJid domain : server.domains().all()) {
            DomainBareJid service = Jids.of(options.subdomain() + "." + domain).asDomainBareJid();
            ctx.onStop(server.router().registerDomain(service, s -> handle(s, service, domain)));
            ctx.discoItem(new DiscoItem(service.toString(), null, "SOCKS5 bytestreams proxy"));
        }
    }

    private boolean handle(Stanza stanza, DomainBareJid service, DomainBareJid domain) {
        if (!stanza.isIq()) return false;
        if (!stanza.isIqRequest()) return true;
        Stanza reply;
        try {
            reply = answer(stanza, service, domain);
        } catch (StanzaException e) {
            reply = stanza.error(e.condition(), e.getMessage());
        }
        server.router().route(reply);
        return true;
    }

    private Stanza answer(Stanza iq, DomainBareJid service, DomainBareJid domain) throws StanzaException {
        Element payload = iq.element().firstElement();
        if (payload == null) throw new StanzaException("bad-request", "IQ without payload");
        if (iq.to().hasResource() || iq.to().hasLocalpart()) throw new StanzaException("service-unavailable", null);
        boolean get = "get".equals(iq.type());
        return switch (payload.namespace()) {
            case Namespaces.DISCO_INFO -> iq.result(info(payload));
            case Namespaces.DISCO_ITEMS -> iq.result(Element.of("query", Namespaces.DISCO_ITEMS));
            case NS -> get ? iq.result(streamhost(iq.from(), service, domain)) : activate(iq, payload);
            default -> throw new StanzaException("service-unavailable", null);
        };
    }

    private Element streamhost(Jid from, DomainBareJid service, DomainBareJid domain) throws StanzaException {
        checkLocalAccount(from);
        return Element.builder("query", NS)
                .child(Element.builder("streamhost", NS).attr("jid", service.toString())
                        .attr("host", options.announcedHost(domain.toString())).attr("port", Integer.toString(listener.port())).build())
                .build();
    }

    /** XEP-0065 §6.3.4: the hash names the initiator, so the stamped from is what makes it theirs. */
    private Stanza activate(Stanza iq, Element query) throws StanzaException {
        checkLocalAccount(iq.from());
        String sid = query.attr("sid");
        String target = query.childText("activate", NS);
        if (sid == null || sid.isEmpty() || target == null || target.isBlank()) throw new StanzaException("bad-request", "sid and activate are required");
        Jid targetJid = Jids.parse(target.strip());
        if (!listener.activate(StreamHash.of(sid, iq.from().toString(), targetJid.toString()))) {
            throw new StanzaException("item-not-found", "no two connections wait for this stream from you");
        }
        return iq.result(null);
    }

    private void checkLocalAccount(Jid from) throws StanzaException {
        if (from == null || !from.hasLocalpart() || !server.domains().isLocal(from)) {
            throw new StanzaException("forbidden", "for accounts of this server only");
        }
    }

    private Element info(Element query) throws StanzaException {
        if (query.attr("node") != null) throw new StanzaException("item-not-found", null);
        return Element.builder("query", Namespaces.DISCO_INFO)
                .child(Element.builder("identity", Namespaces.DISCO_INFO).attr("category", "proxy").attr("type", "bytestreams")
                        .attr("name", "SOCKS5 bytestreams proxy").build())
                .child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", Namespaces.DISCO_INFO).build())
                .child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", NS).build())
                .build();
    }
}
