package org.passerelle.modules.nearby;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.PublicPlaceListed;
import org.passerelle.core.event.PublicPlaceUnlisted;
import org.passerelle.core.event.PublicPlacesWanted;
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

/** Geolocated discovery: {@code nearby.<domain>} finds opted-in people and public rooms around the asker. */
@Implements(spec = "XEP-0055", version = "1.3", note = "on nearby.<domain> only, with a data form: people and rooms by distance")
@Implements(spec = "XEP-0077", version = "2.4", note = "on nearby.<domain> only: opting in and out of being found")
public final class NearbyModule implements Module {
    private ServerContext server;

    @Override
    public String name() {
        return "nearby";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        NearbyOptions options = ctx.options(NearbyOptions.class);
        Places places = new Places();
        ctx.on(PublicPlaceListed.class, 100, places::listed);
        ctx.on(PublicPlaceUnlisted.class, 100, places::unlisted);
        server.events().publish(new PublicPlacesWanted()); // places announced before this module started
        for (DomainBareJid domain : server.domains().all()) {
            DomainBareJid service = Jids.of(options.subdomain() + "." + domain).asDomainBareJid();
            OptIns optIns = new OptIns(server.stores().keyValue(), service);
            Service s = new Service(domain, new OptInRegistration(optIns), new NearbySearch(server, optIns, places, options));
            ctx.onStop(server.router().registerDomain(service, s::handle));
            ctx.discoItem(new DiscoItem(service.toString(), null, "Nearby"));
            ctx.on(AccountDeleted.class, 100, e -> {
                optIns.remove(e.account());
                return false;
            });
        }
    }

    /** The component of one hosted domain: answers its users' IQs, nothing else. */
    private final class Service {
        private final DomainBareJid domain;
        private final OptInRegistration registration;
        private final NearbySearch search;

        Service(DomainBareJid domain, OptInRegistration registration, NearbySearch search) {
            this.domain = domain;
            this.registration = registration;
            this.search = search;
        }

        boolean handle(Stanza stanza) {
            if (!stanza.isIq()) return false;
            if (!stanza.isIqRequest()) return true;
            Stanza reply;
            try {
                reply = answer(stanza);
            } catch (StanzaException e) {
                reply = stanza.error(e.condition(), e.getMessage());
            }
            server.router().route(reply);
            return true;
        }

        private Stanza answer(Stanza iq) throws StanzaException {
            Element payload = iq.element().firstElement();
            if (payload == null) throw new StanzaException("bad-request", "IQ without payload");
            EntityBareJid user = iq.from().asEntityBareJidIfPossible();
            if (user == null || !user.asDomainBareJid().equals(domain)) throw new StanzaException("forbidden", "for accounts of " + domain + " only");
            if (iq.to().hasResource() || iq.to().hasLocalpart()) throw new StanzaException("service-unavailable", null);
            return switch (payload.namespace()) {
                case Namespaces.DISCO_INFO -> iq.result(info(payload));
                case Namespaces.DISCO_ITEMS -> iq.result(Element.of("query", Namespaces.DISCO_ITEMS));
                case NearbySearch.NS -> search.handle(iq, user);
                case OptInRegistration.NS -> registration.handle(iq, user);
                default -> throw new StanzaException("service-unavailable", null);
            };
        }

        private Element info(Element query) throws StanzaException {
            if (query.attr("node") != null) throw new StanzaException("item-not-found", null);
            Element.Builder q = Element.builder("query", Namespaces.DISCO_INFO)
                    .child(Element.builder("identity", Namespaces.DISCO_INFO).attr("category", "directory").attr("type", "user")
                            .attr("name", "Nearby").build());
            for (String f : new String[] {Namespaces.DISCO_INFO, NearbySearch.NS, OptInRegistration.NS, "jabber:x:data"}) {
                q.child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", f).build());
            }
            return q.build();
        }
    }
}
