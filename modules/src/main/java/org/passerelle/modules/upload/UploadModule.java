package org.passerelle.modules.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.module.DiscoItem;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP file upload at {@code upload.<domain>}: accounts of the domain ask for a slot over XMPP
 * ({@link SlotRequests}), then PUT the file to the web listener and share the GET URL
 * ({@link UploadRoute}); {@link Cleanup} deletes expired files.
 */
@Implements(spec = "XEP-0363", version = "1.1.0",
        note = "service at upload.<domain> for accounts of that domain; files on disk under the data directory, through the web listeners")
public final class UploadModule implements Module {
    static final String NS = "urn:xmpp:http:upload:0";
    private static final Logger LOG = LoggerFactory.getLogger(UploadModule.class);

    private ServerContext server;
    private UploadOptions options;
    private SlotRequests slots;

    @Override
    public String name() {
        return "upload";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        options = ctx.options(UploadOptions.class);
        if (!options.enabled()) return;
        var listeners = server.config().listeners();
        if (server.config().web().publicUrl() == null && !listeners.http().enabled() && !listeners.https().enabled()) {
            LOG.warn("upload: no web listener and no web.publicUrl, the service is off");
            return;
        }
        FileStorage files;
        try {
            files = new DiskFileStorage(options.directoryIn(server.dataDirectory()));
        } catch (IOException e) {
            throw new UncheckedIOException("upload: cannot create " + options.directory(), e);
        }
        var store = server.stores().uploads();
        slots = new SlotRequests(options, store, server.clock(), this::baseUrl);
        ctx.http(SlotRequests.PATH, (int) (long) options.maxFileBytes(), new UploadRoute(store, files, server.clock(), options));
        Cleanup cleanup = new Cleanup(store, files, server.clock());
        ctx.on(AccountDeleted.class, 100, e -> {
            cleanup.accountDeleted(e.account());
            return false;
        });
        ScheduledFuture<?> timer = server.scheduler().scheduleWithFixedDelay(() -> server.workers().execute(cleanup),
                1, options.cleanupMinutes(), TimeUnit.MINUTES);
        ctx.onStop(() -> timer.cancel(false));
        for (DomainBareJid domain : server.domains().all()) {
            DomainBareJid service = Jids.of(options.subdomain() + "." + domain).asDomainBareJid();
            ctx.onStop(server.router().registerDomain(service, s -> handle(s, domain)));
            ctx.discoItem(new DiscoItem(service.toString(), null, "HTTP file upload"));
        }
    }

    private String baseUrl(DomainBareJid domain) throws StanzaException {
        return server.http().publicBase(domain.toString())
                .orElseThrow(() -> new StanzaException("service-unavailable", "no web listener is running"));
    }

    private boolean handle(Stanza stanza, DomainBareJid domain) {
        if (!stanza.isIq()) return false;
        if (!stanza.isIqRequest()) return true;
        Stanza reply;
        try {
            reply = answer(stanza, domain);
        } catch (StanzaException e) {
            reply = stanza.error(e);
        }
        server.router().route(reply);
        return true;
    }

    private Stanza answer(Stanza iq, DomainBareJid domain) throws StanzaException {
        Element payload = iq.element().firstElement();
        if (payload == null) throw new StanzaException("bad-request", "IQ without payload");
        if (iq.to().hasResource() || iq.to().hasLocalpart()) throw new StanzaException("service-unavailable", null);
        boolean get = "get".equals(iq.type());
        if (get && payload.is("query", Namespaces.DISCO_INFO)) return iq.result(info(payload));
        if (get && payload.is("query", Namespaces.DISCO_ITEMS)) return iq.result(Element.of("query", Namespaces.DISCO_ITEMS));
        if (get && payload.is("request", NS)) return iq.result(slots.slot(iq.from(), domain, payload));
        throw new StanzaException("service-unavailable", null);
    }

    private Element info(Element query) throws StanzaException {
        if (query.attr("node") != null) throw new StanzaException("item-not-found", null);
        return Element.builder("query", Namespaces.DISCO_INFO)
                .child(Element.builder("identity", Namespaces.DISCO_INFO).attr("category", "store").attr("type", "file")
                        .attr("name", "HTTP file upload").build())
                .child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", Namespaces.DISCO_INFO).build())
                .child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", NS).build())
                .child(DataForm.result(NS, null, Field.textSingle("max-file-size", null).withValue(Long.toString(options.maxFileBytes())))
                        .toElement())
                .build();
    }
}
