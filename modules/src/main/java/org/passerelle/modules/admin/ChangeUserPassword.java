package org.passerelle.modules.admin;

import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;
import org.passerelle.modules.forms.Field;

/** XEP-0133 §4.7 Change User Password. */
final class ChangeUserPassword extends AdminCommand {
    ChangeUserPassword(ServerContext server) {
        super(server, "change-user-password", "Change User Password");
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        if (request.stage() == 0) {
            return Step.last(form("Changing a User Password", "Fill out this form to change a user's password.",
                    Field.jidSingle("accountjid", "The Jabber ID for this account").asRequired(),
                    Field.textPrivate("password", "The password for this account").asRequired()));
        }
        EntityBareJid account = account(required(request.form(), "accountjid"), request.domain());
        String password = required(request.form(), "password");
        try {
            if (!server.accounts().changePassword(account, password)) throw new StanzaException("item-not-found", "no such account: " + account);
        } catch (IllegalArgumentException e) {
            throw new StanzaException("bad-request", e.getMessage());
        }
        return Step.completed(Step.Note.info("Changed the password of " + account));
    }
}
