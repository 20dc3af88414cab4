package org.passerelle.modules.admin;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;

/** XEP-0133 §4.20 Get List of Online Users: asks max_items, then lists the online accounts' bare JIDs. */
final class OnlineUsersList extends AdminCommand {
    private static final List<String> SIZES = List.of("25", "50", "75", "100", "150", "200");

    OnlineUsersList(ServerContext server) {
        super(server, "get-online-users-list", "Get List of Online Users");
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        if (request.stage() == 0) {
            List<Field.Option> options = new ArrayList<>(SIZES.stream().map(s -> new Field.Option(s, s)).toList());
            options.add(new Field.Option("None", "none"));
            return Step.last(form("Requesting List of Online Users", "Fill out this form to request the online users of this service.",
                    Field.listSingle("max_items", "Maximum number of items to show", options).withValue("100")));
        }
        List<EntityBareJid> online = onlineAccounts(server.sessions(), request.domain());
        int max = maxItems(request.form().value("max_items"));
        List<String> shown = online.stream().limit(max).map(EntityBareJid::toString).toList();
        return Step.completed(DataForm.result(FORM_TYPE, null,
                Field.jidMulti("onlineuserjids", "The list of all online users").withValues(shown)));
    }

    private static int maxItems(String value) throws StanzaException {
        if (value == null || value.equals("none")) return Integer.MAX_VALUE;
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new StanzaException("bad-request", "max_items must be a positive number or none");
    }
}
