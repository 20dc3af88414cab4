package org.passerelle.modules.admin;

import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;
import org.passerelle.modules.forms.Field;

/**
 * XEP-0133 §4.23 Send Announcement to Online Users: a headline message from the domain to every
 * session of the domain (headlines are not stored offline, which suits a one-time announcement).
 */
final class Announce extends AdminCommand {
    Announce(ServerContext server) {
        super(server, "announce", "Send Announcement to Online Users");
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        if (request.stage() == 0) {
            return Step.last(form("Making an Announcement", "Fill out this form to make an announcement to all active users of this service.",
                    Field.textMulti("announcement", "Announcement").asRequired()));
        }
        String text = String.join("\n", request.form().values("announcement")).strip();
        if (text.isEmpty()) throw new StanzaException("bad-request", "announcement is required");
        int sent = server.router().announce(request.domain(), text);
        return Step.completed(Step.Note.info("Sent to " + sent + " session(s)"));
    }
}
