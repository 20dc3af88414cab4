package org.passerelle.modules.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.session.SessionRegistry;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.adhoc.AdhocCommand;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;

/**
 * What the XEP-0133 commands share: the node names, the admin check (an admin account of the
 * domain the command is sent to) and reading account JIDs from the forms.
 */
abstract class AdminCommand implements AdhocCommand {
    static final String FORM_TYPE = "http://jabber.org/protocol/admin";

    protected final ServerContext server;
    private final String node;
    private final String name;

    AdminCommand(ServerContext server, String action, String name) {
        this.server = server;
        this.node = FORM_TYPE + "#" + action;
        this.name = name;
    }

    @Override public String node() { return node; }

    @Override public String name() { return name; }

    @Override
    public boolean allowed(Jid requester, DomainBareJid domain) {
        EntityBareJid account = requester.asEntityBareJidIfPossible();
        return account != null && account.asDomainBareJid().equals(domain) && server.accounts().isAdmin(account);
    }

    static DataForm form(String title, String instructions, Field... fields) {
        return DataForm.form(FORM_TYPE, title, instructions, fields);
    }

    static Field accountJids(String label) {
        return Field.jidMulti("accountjids", label).asRequired();
    }

    /** A submitted value that must be there and not blank. */
    static String required(DataForm form, String var) throws StanzaException {
        String v = form.value(var);
        if (v == null || v.isBlank()) throw new StanzaException("bad-request", var + " is required");
        return v;
    }

    /** An account JID of the domain the command runs on. */
    static EntityBareJid account(String jid, DomainBareJid domain) throws StanzaException {
        Jid parsed;
        try {
            parsed = Jids.parse(jid.strip());
        } catch (StanzaException e) {
            throw new StanzaException("bad-request", "not a JID: " + jid);
        }
        EntityBareJid account = parsed.asEntityBareJidIfPossible();
        if (account == null || parsed.hasResource()) throw new StanzaException("bad-request", "not an account JID: " + jid);
        if (!account.asDomainBareJid().equals(domain)) throw new StanzaException("forbidden", jid + " is not an account of " + domain);
        return account;
    }

    /** The existing accounts named in {@code accountjids}; item-not-found naming those that do not exist. */
    List<EntityBareJid> existingAccounts(DataForm form, DomainBareJid domain) throws StanzaException {
        Set<EntityBareJid> accounts = new LinkedHashSet<>();
        for (String v : form.values("accountjids")) if (!v.isBlank()) accounts.add(account(v, domain));
        if (accounts.isEmpty()) throw new StanzaException("bad-request", "accountjids is required");
        List<String> missing = new ArrayList<>();
        for (EntityBareJid a : accounts) if (!server.accounts().exists(a)) missing.add(a.toString());
        if (!missing.isEmpty()) throw new StanzaException("item-not-found", "no such account: " + String.join(", ", missing));
        return List.copyOf(accounts);
    }

    /** Ends the account's sessions, as deleting or disabling it must (XEP-0133 §4.2, §4.3). */
    void closeSessions(EntityBareJid account, String why) {
        for (Session s : server.sessions().sessions(account)) s.close("not-authorized", why);
    }

    /** The accounts of the domain with at least one session, in JID order. */
    static List<EntityBareJid> onlineAccounts(SessionRegistry sessions, DomainBareJid domain) {
        return sessions.all().stream().map(Session::bareJid).filter(j -> j.asDomainBareJid().equals(domain))
                .distinct().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }
}
