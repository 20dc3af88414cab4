package org.passerelle.modules.admin;

import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;

/** XEP-0133 §4.1 Add User: creates the account; conflict when it exists. */
final class AddUser extends AdminCommand {
    AddUser(ServerContext server) {
        super(server, "add-user", "Add User");
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        if (request.stage() == 0) {
            return Step.last(form("Adding a User", "Fill out this form to add a user.",
                    Field.jidSingle("accountjid", "The Jabber ID for the account to be added").asRequired(),
                    Field.textPrivate("password", "The password for this account").asRequired(),
                    Field.textPrivate("password-verify", "Retype password")));
        }
        DataForm form = request.form();
        EntityBareJid account = account(required(form, "accountjid"), request.domain());
        String password = required(form, "password");
        String verify = form.value("password-verify");
        if (verify != null && !verify.equals(password)) throw new StanzaException("bad-request", "the passwords differ");
        boolean created;
        try {
            created = server.accounts().create(account, password, false);
        } catch (IllegalArgumentException e) {
            throw new StanzaException("bad-request", e.getMessage());
        }
        if (!created) throw new StanzaException("conflict", account + " exists");
        return Step.completed(Step.Note.info("Added " + account));
    }
}
