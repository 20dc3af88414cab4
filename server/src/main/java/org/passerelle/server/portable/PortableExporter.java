package org.passerelle.server.portable;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.Stores;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlWriter;

/**
 * Writes every account of the given domains as XEP-0227, one user at a time: SCRAM credentials
 * (never a password: none is stored), roster items with groups and states, pending inbound
 * requests as presence, the vCard, offline messages with their storage time as a delay, and in
 * our own namespace the account flags and other per-account data.
 */
public final class PortableExporter {
    private static final int PAGE = 500;
    private final Stores stores;

    public PortableExporter(Stores stores) {
        this.stores = stores;
    }

    /** Returns the number of users written. */
    public int export(List<String> domains, Writer out) throws IOException {
        int users = 0;
        out.write("<?xml version='1.0' encoding='UTF-8'?>\n<server-data xmlns='" + PortableFormat.PIE + "'>\n");
        for (String domain : domains) {
            out.write("  <host jid='" + attr(domain) + "'>\n");
            for (int offset = 0; ; offset += PAGE) {
                List<EntityBareJid> page = stores.accounts().list(domain, offset, PAGE);
                for (EntityBareJid jid : page) {
                    if (user(jid, out)) users++;
                }
                if (page.size() < PAGE) break;
            }
            out.write("  </host>\n");
        }
        out.write("</server-data>\n");
        out.flush();
        return users;
    }

    private boolean user(EntityBareJid jid, Writer out) throws IOException {
        Account account = stores.accounts().find(jid).orElse(null);
        if (account == null) return false; // deleted while exporting
        Element.Builder u = Element.builder("user", PortableFormat.PIE).attr("name", jid.getLocalpart().toString());
        for (ScramCredential c : account.credentials()) u.child(PortableFormat.credential(c));
        u.child(Element.builder("account", PortableFormat.OURS).attr("admin", Boolean.toString(account.admin()))
                .attr("disabled", Boolean.toString(account.disabled())).attr("created", account.created().toString()).build());
        List<RosterItem> roster = stores.roster().items(jid);
        if (!roster.isEmpty()) {
            Element.Builder q = Element.builder("query", PortableFormat.ROSTER);
            for (RosterItem i : roster) q.child(PortableFormat.item(i));
            u.child(q.build());
            for (RosterItem i : roster) {
                if (i.pendingIn()) {
                    u.child(Element.builder("presence", PortableFormat.CLIENT).attr("from", i.contact().toString())
                            .attr("to", jid.toString()).attr("type", "subscribe").build());
                }
            }
        }
        stores.keyValue().get(jid, PortableFormat.VCARD, "vcard").ifPresent(xml -> u.child(PortableReader.parse(xml)));
        for (String ns : PortableFormat.DATA_NAMESPACES) {
            for (Map.Entry<String, String> e : stores.keyValue().all(jid, ns).entrySet()) {
                u.child(Element.builder("data", PortableFormat.OURS).attr("ns", ns).attr("key", e.getKey()).text(e.getValue()).build());
            }
        }
        List<OfflineMessage> offline = stores.offline().list(jid);
        if (!offline.isEmpty()) {
            Element.Builder box = Element.builder("offline-messages", PortableFormat.PIE);
            for (OfflineMessage m : offline) box.child(m.stanza().withChild(PortableFormat.delay(jid.getDomain().toString(), m.stored())));
            u.child(box.build());
        }
        out.write("    ");
        out.write(serialise(u.build()));
        out.write('\n');
        return true;
    }

    private static String serialise(Element user) {
        StringBuilder b = new StringBuilder();
        XmlWriter.write(user, PortableFormat.PIE, b);
        return b.toString();
    }

    private static String attr(String s) {
        StringBuilder b = new StringBuilder();
        XmlWriter.escapeAttr(s, b);
        return b.toString();
    }
}
