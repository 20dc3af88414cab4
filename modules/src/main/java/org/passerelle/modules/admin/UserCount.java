package org.passerelle.modules.admin;

import java.util.function.ToLongFunction;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;

/** XEP-0133 §4.13 and §4.15: the number of registered or online users of the domain, in one stage. */
final class UserCount extends AdminCommand {
    private final String var;
    private final String label;
    private final ToLongFunction<DomainBareJid> count;

    private UserCount(ServerContext server, String action, String name, String var, String label,
                      ToLongFunction<DomainBareJid> count) {
        super(server, action, name);
        this.var = var;
        this.label = label;
        this.count = count;
    }

    static UserCount registered(ServerContext server) {
        return new UserCount(server, "get-registered-users-num", "Get Number of Registered Users", "registeredusersnum",
                "The number of registered users", d -> server.accounts().count(d.toString()));
    }

    /** Online: accounts with at least one session, idle or not (XEP-0133 §4.15). */
    static UserCount online(ServerContext server) {
        return new UserCount(server, "get-online-users-num", "Get Number of Online Users", "onlineusersnum",
                "The number of online users", d -> onlineAccounts(server.sessions(), d).size());
    }

    @Override
    public Step execute(CommandRequest request) {
        long n = count.applyAsLong(request.domain());
        return Step.completed(DataForm.result(FORM_TYPE, null, Field.of(null, var, label).withValue(Long.toString(n))));
    }
}
