package org.passerelle.gateway.sms;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * six-digit code by SMS on that number, and types it back. The number must not belong to another
 * account. Three wrong codes, or the code's expiry, end the attempt. Run again, it changes the
 * mode (the same number needs no new code) or unlinks (an empty number).
 */
final class LinkCommand implements AdhocCommand {
    static final String NODE = "urn:passerelle:sms:link";
    static final String FORM_TYPE = "urn:passerelle:sms:link";
    static final String NAME = "Link a phone for SMS";
    private static final int MAX_TRIES = 3;

    /** A code sent and not yet confirmed. */
    private record Pending(String phone, String mode, String code, Instant expires, int tries) {
    }

    private final Gateway gateway;
    private final Duration codeValidity;
    private final SecureRandom random = new SecureRandom();
    private final Map<EntityBareJid, Pending> pending = new ConcurrentHashMap<>();

    LinkCommand(Gateway gateway, Duration codeValidity) {
        this.gateway = gateway;
        this.codeValidity = codeValidity;
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

    private DataForm numberForm(EntityBareJid user) {
        SmsLink link = gateway.store.linkOf(user).orElse(null);
        Field phone = Field.textSingle("phone", "Phone number (E.164, e.g. +33612345678); empty to unlink");
        Field mode = Field.listSingle("forwarding", "Send my messages by SMS", List.of(
                new Field.Option("When I am offline", Forwarding.OFFLINE),
                new Field.Option("When I am offline or my app sleeps", Forwarding.AWAY),
                new Field.Option("Never", Forwarding.OFF)));
        if (link != null) phone = phone.withValue(link.phone());
        mode = mode.withValue(link == null ? Forwarding.OFFLINE : link.forwarding());
        String now = link == null ? "No phone is linked." : "Linked: " + link.phone() + ".";
        return DataForm.form(FORM_TYPE, "Link a phone", now + " A code will be sent by SMS to a new number.", phone, mode);
    }

    private Step number(EntityBareJid user, DataForm form) throws StanzaException {
        String typed = form.value("phone");
        String mode = form.value("forwarding") == null ? Forwarding.OFFLINE : form.value("forwarding");
        if (!Forwarding.validMode(mode)) throw new StanzaException("bad-request", "forwarding must be off, offline or away");
        SmsLink current = gateway.store.linkOf(user).orElse(null);
        if (typed == null || typed.isBlank()) {
            if (current == null) return Step.completed(Step.Note.info("No phone was linked."));
            gateway.forget(user);
            gateway.store.unlink(user);
            return Step.completed(Step.Note.info("Unlinked " + current.phone() + "."));
        }
        String phone = Phones.normalise(typed);
        if (phone == null) return Step.completed(Step.Note.error("Not an international number: " + typed));
        if (current != null && current.phone().equals(phone)) {
            gateway.store.setForwarding(user, mode);
            return Step.completed(Step.Note.info("SMS forwarding: " + mode + "."));
        }
        SmsLink holder = gateway.store.linkOfPhone(phone).orElse(null);
        if (holder != null) return Step.completed(Step.Note.error("This number is linked to another account."));
        String code = String.format("%06d", random.nextInt(1_000_000));
        pending.put(user, new Pending(phone, mode, code, gateway.server.clock().instant().plus(codeValidity), 0));
        gateway.text(user, phone, "Your code for " + user + ": " + code, null);
        return Step.last(codeForm("Type the code sent by SMS to " + phone + "."));
    }

    private static DataForm codeForm(String instructions) {
        return DataForm.form(FORM_TYPE, "Confirm the number", instructions, Field.textSingle("code", "Code").asRequired());
    }

    private Step code(EntityBareJid user, DataForm form) {
        Pending p = pending.get(user);
        if (p == null || gateway.server.clock().instant().isAfter(p.expires())) {
            pending.remove(user);
            return Step.completed(Step.Note.error("The code has expired: start again."));
        }
        String typed = form.value("code") == null ? "" : form.value("code").strip();
        if (!typed.equals(p.code())) {
            if (p.tries() + 1 >= MAX_TRIES) {
                pending.remove(user);
                return Step.completed(Step.Note.error("Wrong code, too many tries: start again."));
            }
            pending.put(user, new Pending(p.phone(), p.mode(), p.code(), p.expires(), p.tries() + 1));
            return Step.last(codeForm("Wrong code, try again."));
        }
        pending.remove(user);
        if (!gateway.store.link(new SmsLink(user, p.phone(), p.mode()))) {
            return Step.completed(Step.Note.error("This number is linked to another account."));
        }
        return Step.completed(Step.Note.info("Linked " + p.phone() + ". Send HELP to the gateway by SMS for commands."));
    }
}
