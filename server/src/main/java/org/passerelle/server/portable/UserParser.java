package org.passerelle.server.portable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.xml.Element;
import org.passerelle.xml.Node;

/** Reads one {@code <user/>} element into {@link UserData}, reporting each part it cannot take. */
final class UserParser {
    private final ImportReport report;
    private final Instant now;

    UserParser(ImportReport report, Instant now) {
        this.report = report;
        this.now = now;
    }

    /** The user's data, or null when the user as a whole is skipped. */
    UserData parse(String domain, Element user) {
        String where = user.attr("name") + "@" + domain;
        EntityBareJid jid;
        try {
            jid = Jids.of(where).asEntityBareJidIfPossible();
        } catch (RuntimeException e) {
            jid = null;
        }
        if (jid == null || user.attr("name") == null) {
            report.skip(where, "not a valid account JID");
            return null;
        }
        UserData u = new UserData(jid);
        u.password = user.attr("password");
        u.created = now;
        for (Element e : user.elements()) {
            try {
                part(u, e, where);
            } catch (RuntimeException ex) {
                report.skip(where, "unreadable " + PortableReader.name(e) + ": " + ex.getMessage());
            }
        }
        if (u.credentials.isEmpty() && (u.password == null || u.password.isEmpty())) {
            report.skip(where, "no password and no SCRAM-SHA-1 or SCRAM-SHA-256 credentials");
            return null;
        }
        return u;
    }

    private void part(UserData u, Element e, String where) {
        if (e.is("scram-credentials", PortableFormat.SCRAM)) {
            ScramCredential c = PortableFormat.credential(e);
            if (c == null) report.skip(where, "unsupported mechanism " + e.attr("mechanism"));
            else u.credentials.add(c);
        } else if (e.is("query", PortableFormat.ROSTER)) {
            for (Element item : e.children("item", PortableFormat.ROSTER)) {
                try {
                    u.roster.add(PortableFormat.item(item));
                } catch (RuntimeException ex) {
                    report.skip(where, "roster item '" + item.attr("jid") + "': " + ex.getMessage());
                }
            }
        } else if (e.is("vCard", PortableFormat.VCARD)) {
            if (!e.elements().isEmpty()) u.vcard = e.toString();
        } else if (e.is("offline-messages", PortableFormat.PIE)) {
            for (Element m : e.elements()) offline(u, m, where);
        } else if (e.is("presence", PortableFormat.CLIENT) && "subscribe".equals(e.attr("type"))) {
            u.pendingIn.add(Jids.of(e.attr("from")).asBareJid());
        } else if (e.is("account", PortableFormat.OURS)) {
            u.admin = "true".equals(e.attr("admin"));
            u.disabled = "true".equals(e.attr("disabled"));
            if (e.attr("created") != null) u.created = Instant.parse(e.attr("created"));
        } else if (e.is("data", PortableFormat.OURS)) {
            u.data.add(new UserData.Data(e.attr("ns"), e.attr("key"), e.text()));
        } else {
            report.skip(where, "not supported: " + PortableReader.name(e));
        }
    }

    private void offline(UserData u, Element m, String where) {
        if (!m.is("message", PortableFormat.CLIENT)) {
            report.skip(where, "offline item that is not a message: " + PortableReader.name(m));
            return;
        }
        String domain = u.jid.getDomain().toString();
        Instant stored = now;
        List<Node> kept = new ArrayList<>();
        for (Node n : m.children()) {
            if (n instanceof Element c && PortableFormat.isOurDelay(c, domain)) {
                try {
                    stored = Instant.parse(c.attr("stamp"));
                } catch (DateTimeParseException ex) {
                    report.skip(where, "offline message delay stamp '" + c.attr("stamp") + "' unreadable: kept as now");
                }
            } else {
                kept.add(n);
            }
        }
        u.offline.add(new OfflineMessage(0, stored, m.withChildren(kept)));
    }
}
