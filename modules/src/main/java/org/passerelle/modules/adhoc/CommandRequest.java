package org.passerelle.modules.adhoc;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.modules.forms.DataForm;

/**
 * What a command is asked to answer: who runs it, on which domain, and the forms submitted at the
 * earlier stages, oldest first.
 */
public record CommandRequest(Jid requester, DomainBareJid domain, List<DataForm> forms) {
    public CommandRequest {
        forms = List.copyOf(forms);
    }

    /** 0 for the first stage, then the number of forms submitted. */
    public int stage() {
        return forms.size();
    }

    /** The form submitted last, or null at the first stage. */
    public DataForm form() {
        return forms.isEmpty() ? null : forms.getLast();
    }
}
