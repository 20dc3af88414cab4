package org.passerelle.modules.admin;

import java.util.List;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.modules.adhoc.AdhocCommand;

/** XEP-0133 service administration: registers its commands as disco nodes for the adhoc module to run. */
@Implements(spec = "XEP-0133", version = "1.2",
        note = "Add, delete, disable and re-enable users; change a user's password; number and list of online users; "
                + "number of registered users; announcement to online users. An admin acts on its own domain; needs the adhoc module.")
public final class AdminModule implements Module {
    @Override
    public String name() {
        return "admin";
    }

    @Override
    public void start(ModuleContext ctx) {
        ServerContext s = ctx.server();
        List<AdhocCommand> commands = List.of(new AddUser(s), new DeleteUser(s), DisableUser.disable(s), DisableUser.reenable(s),
                new ChangeUserPassword(s), UserCount.online(s), new OnlineUsersList(s), UserCount.registered(s), new Announce(s));
        for (AdhocCommand c : commands) ctx.discoNode(c.node(), c);
    }
}
