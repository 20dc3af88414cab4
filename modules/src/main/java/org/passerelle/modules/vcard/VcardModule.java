package org.passerelle.modules.vcard;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.xml.Element;

/** Stores and serves accounts' vCards. */
@Implements(spec = "XEP-0153", version = "1.1", note = "the server adds the photo hash to available presence")
@Implements(spec = "XEP-0054", version = "1.2", features = VcardModule.NS, accountFeatures = VcardModule.NS,
        note = "accounts' vCards; the server itself has none")
public final class VcardModule implements Module {
    static final String NS = "vcard-temp";
    static final String KEY = "vcard";

    private ServerContext server;
    private int maxBytes;
    private AvatarHash avatars;

    @Override
    public String name() {
        return "vcard";
    }

    @Override
    public void start(ModuleContext ctx) {
        server = ctx.server();
        maxBytes = ctx.options(VcardOptions.class).maxBytes();
        ctx.iq(Destination.ACCOUNT, NS, iq -> "set".equals(iq.type()) ? set(iq) : get(iq));
        avatars = new AvatarHash(server.stores().keyValue());
        // Before the presence module (1000) broadcasts, so contacts and later probes see the hash.
        ctx.inbound(900, avatars::intercept);
        ctx.on(SessionEnded.class, 100, e -> {
            if (server.sessions().sessions(e.session().bareJid()).isEmpty()) avatars.forget(e.session().bareJid());
            return false;
        });
        ctx.on(AccountDeleted.class, 100, e -> {
            avatars.forget(e.account());
            server.stores().keyValue().deleteNamespace(e.account(), NS);
            return false;
        });
    }

    private Stanza get(Stanza iq) throws StanzaException {
        EntityBareJid owner = owner(iq);
        Optional<String> stored = server.stores().keyValue().get(owner, NS, KEY);
        if (stored.isPresent()) return iq.result(StoredXml.parse(stored.get()));
        if (iq.from().asBareJid().equals(owner)) return iq.result(Element.of("vCard", NS));
        throw new StanzaException("item-not-found", null);
    }

    private Stanza set(Stanza iq) throws StanzaException {
        EntityBareJid owner = owner(iq);
        if (!iq.from().asBareJid().equals(owner)) throw new StanzaException("forbidden", "only the owner sets a vCard");
        Element vcard = iq.element().firstElement();
        if (!vcard.is("vCard", NS)) throw new StanzaException("bad-request", "expected <vCard xmlns='vcard-temp'/>");
        KeyValueStore kv = server.stores().keyValue();
        if (vcard.elements().isEmpty()) {
            kv.delete(owner, NS, KEY);
        } else {
            String xml = vcard.toString();
            if (xml.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
                throw new StanzaException("not-acceptable", "the vCard is larger than " + maxBytes + " bytes");
            }
            kv.put(owner, NS, KEY, xml);
        }
        avatars.forget(owner);
        return iq.result(null);
    }

    private EntityBareJid owner(Stanza iq) throws StanzaException {
        EntityBareJid owner = iq.to().asEntityBareJidIfPossible();
        if (!server.accounts().exists(owner)) throw new StanzaException("service-unavailable", null);
        return owner;
    }
}
