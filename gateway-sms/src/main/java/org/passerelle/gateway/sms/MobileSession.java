package org.passerelle.gateway.sms;

import java.util.function.Consumer;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.session.AbstractSession;
import org.passerelle.core.stanza.Stanza;

/**
 * A user "on mobile": the virtual session of a linked phone, at resource {@code sms}, available
 * with a negative priority so messages to the bare JID still count as undelivered and reach the
 * phone by forwarding. What is sent to this full JID goes to {@code toPhone}; the rest (presence,
 * roster pushes, IQ results) has nowhere to go on a phone and is dropped.
 */
final class MobileSession extends AbstractSession {
    static final String RESOURCE = "sms";

    private final Consumer<Stanza> toPhone;

    MobileSession(EntityFullJid jid, Consumer<Stanza> toPhone) {
        super(jid, "sms");
        this.toPhone = toPhone;
    }

    @Override
    public void deliver(Stanza stanza) {
        if (stanza.isMessage() && jid().equals(stanza.to())) toPhone.accept(stanza);
    }

    @Override
    public void close(String streamErrorCondition, String text) {
    }

    @Override
    public String transport() {
        return "sms";
    }
}
