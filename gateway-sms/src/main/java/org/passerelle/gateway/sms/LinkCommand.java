package org.passerelle.gateway.sms;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.SmsLink;
import org.passerelle.modules.adhoc.AdhocCommand;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;

/**
 * The ad-hoc command that links a phone: the user gives a number and a forwarding mode, gets a
 * six-digit code by SMS on that number, and types it back ({@link PhoneLinking}'s rules). Run
 * again, it changes the mode (the same number needs no new code) or unlinks (an empty number).
 */
final class LinkCommand implements AdhocCommand {
    static final String NODE = "urn:passerelle:sms:link";
    static final String FORM_TYPE = "urn:passerelle:sms:link";
    static final String NAME = "Link a phone for SMS";

    private final Gateway gateway;
    private final PhoneLinking linking;

    LinkCommand(Gateway gateway, PhoneLinking linking) {
        this.gateway = gateway;
        this.linking = linking;
    }

    @Override public String node() { return NODE; }

    @Override public String name() { return NAME; }

    @Override
    public boolean allowed(Jid requester, DomainBareJid domain) {
        return AdhocCommand.accountOf(requester, domain);
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        EntityBareJid user = request.requester().asEntityBareJidIfPossible();
        return switch (request.stage()) {
            case 0 -> Step.next(numberForm(user));
            case 1 -> number(user, request.form());
            default -> code(user, request.form());
        };
    }

    /** The forwarding modes as a list field, set to {@code mode}. */
    static Field modeField(String mode) {
        return Field.listSingle("forwarding", "Send my messages by SMS", List.of(
                new Field.Option("When I am offline", Forwarding.OFFLINE),
                new Field.Option("When I am offline or my app sleeps", Forwarding.AWAY),
                new Field.Option("Never", Forwarding.OFF))).withValue(mode);
    }

    private DataForm numberForm(EntityBareJid user) {
        SmsLink link = gateway.store.linkOf(user).orElse(null);
        Field phone = Field.textSingle("phone", "Phone number (E.164, e.g. +33612345678); empty to unlink");
        if (link != null) phone = phone.withValue(link.phone());
        Field mode = modeField(link == null ? Forwarding.OFFLINE : link.forwarding());
        String now = link == null ? "No phone is linked." : "Linked: " + link.phone() + ".";
        return DataForm.form(FORM_TYPE, "Link a phone", now + " A code will be sent by SMS to a new number.", phone, mode);
    }

    private Step number(EntityBareJid user, DataForm form) throws StanzaException {
        String mode = form.value("forwarding") == null ? Forwarding.OFFLINE : form.value("forwarding");
        if (!Forwarding.validMode(mode)) throw new StanzaException("bad-request", "forwarding must be off, offline or away");
        PhoneLinking.Choice choice = linking.choose(user, form.value("phone"), mode);
        return switch (choice.kind()) {
            case NOTHING_TO_UNLINK -> Step.completed(Step.Note.info("No phone was linked."));
            case UNLINKED -> Step.completed(Step.Note.info("Unlinked " + choice.phone() + "."));
            case INVALID -> Step.completed(Step.Note.error("Not an international number: " + choice.phone()));
            case MODE_CHANGED -> Step.completed(Step.Note.info("SMS forwarding: " + mode + "."));
            case TAKEN -> Step.completed(Step.Note.error("This number is linked to another account."));
            case CODE_SENT -> Step.last(codeForm("Type the code sent by SMS to " + choice.phone() + "."));
            case TOO_SOON -> Step.completed(Step.Note.error("A code was sent a moment ago: wait a minute (at most "
                    + PhoneLinking.CODES_PER_NUMBER + " codes an hour to one number)."));
        };
    }

    private static DataForm codeForm(String instructions) {
        return DataForm.form(FORM_TYPE, "Confirm the number", instructions, Field.textSingle("code", "Code").asRequired());
    }

    private Step code(EntityBareJid user, DataForm form) {
        PhoneLinking.Confirmation done = linking.confirm(user, null, form.value("code"), null);
        return switch (done.kind()) {
            case EXPIRED -> Step.completed(Step.Note.error("The code has expired: start again."));
            case TOO_MANY_TRIES -> Step.completed(Step.Note.error("Wrong code, too many tries: start again."));
            case WRONG -> Step.last(codeForm("Wrong code, try again."));
            case TAKEN -> Step.completed(Step.Note.error("This number is linked to another account."));
            case LINKED -> Step.completed(Step.Note.info("Linked " + done.phone() + ". Send HELP to the gateway by SMS for commands."));
        };
    }
}
