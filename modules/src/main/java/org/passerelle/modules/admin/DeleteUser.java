package org.passerelle.modules.admin;

import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;

/** XEP-0133 §4.2 Delete User: deletes the accounts (and, through AccountDeleted, their data) and ends their sessions. */
final class DeleteUser extends AdminCommand {
    DeleteUser(ServerContext server) {
        super(server, "delete-user", "Delete User");
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        if (request.stage() == 0) {
            return Step.last(form("Deleting a User", "Fill out this form to delete a user.", accountJids("The Jabber ID(s) to delete")));
        }
        List<EntityBareJid> accounts = existingAccounts(request.form(), request.domain());
        for (EntityBareJid a : accounts) {
            server.accounts().delete(a);
            closeSessions(a, "the account was deleted");
        }
        return Step.completed(Step.Note.info("Deleted " + accounts.size() + " account(s)"));
    }
}
