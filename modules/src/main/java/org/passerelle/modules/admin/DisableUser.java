package org.passerelle.modules.admin;

import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;

/**
 * XEP-0133 §4.3 Disable User (ends the sessions; the account cannot log in but keeps its data)
 * and §4.4 Re-Enable User.
 */
final class DisableUser extends AdminCommand {
    private final boolean disable;

    private DisableUser(ServerContext server, boolean disable) {
        super(server, disable ? "disable-user" : "reenable-user", disable ? "Disable User" : "Re-Enable User");
        this.disable = disable;
    }

    static DisableUser disable(ServerContext server) {
        return new DisableUser(server, true);
    }

    static DisableUser reenable(ServerContext server) {
        return new DisableUser(server, false);
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        if (request.stage() == 0) {
            return disable
                    ? Step.last(form("Disabling a User", "Fill out this form to disable a user.", accountJids("The Jabber ID(s) to disable")))
                    : Step.last(form("Re-Enable a User", "Fill out this form to re-enable a user.", accountJids("The Jabber ID(s) to re-enable")));
        }
        List<EntityBareJid> accounts = existingAccounts(request.form(), request.domain());
        for (EntityBareJid a : accounts) {
            server.accounts().setDisabled(a, disable);
            if (disable) closeSessions(a, "the account was disabled");
        }
        return Step.completed(Step.Note.info((disable ? "Disabled " : "Re-enabled ") + accounts.size() + " account(s)"));
    }
}
