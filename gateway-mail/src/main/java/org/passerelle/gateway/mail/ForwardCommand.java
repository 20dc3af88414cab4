package org.passerelle.gateway.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.store.MailSubscription;
import org.passerelle.modules.adhoc.AdhocCommand;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ad-hoc command {@value #NODE} of each hosted domain, for its own accounts. First stage:
 * choose {@code address} (a code is mailed there), {@code code} (enter a code received earlier)
 * or {@code off}. Second stage, for the first two: the code. Until the code is confirmed nothing is
 * forwarded; a new address replaces the old one at once. A code is mailed at most once a minute
 * per user, and dropped with its address after {@code maxCodeAttempts} wrong tries.
 */
final class ForwardCommand implements AdhocCommand {
    static final String NODE = "urn:passerelle:mail:forward";
    private static final String FORM_TYPE = NODE;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Duration RESEND_PAUSE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ForwardCommand.class);

    private final ServerContext server;
    private final MailStore store;
    private final MailSender sender;
    private final MailOptions options;
    private final SecureRandom random = new SecureRandom();

    ForwardCommand(ServerContext server, MailSender sender, MailOptions options) {
        this.server = server;
        this.store = server.stores().mail();
        this.sender = sender;
        this.options = options;
    }

    @Override public String node() { return NODE; }

    @Override public String name() { return "Forward offline messages by e-mail"; }

    @Override
    public boolean allowed(Jid requester, DomainBareJid domain) {
        return AdhocCommand.accountOf(requester, domain);
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        EntityBareJid user = request.requester().asEntityBareJidIfPossible();
        Optional<MailSubscription> current = store.subscription(user);
        return switch (request.stage()) {
            case 0 -> Step.next(choice(current));
            case 1 -> choose(user, current, request.form());
            case 2 -> confirm(user, current, request.forms().getFirst().value("action"), request.form().value("code"));
            default -> throw new StanzaException("bad-request", "this command has two stages");
        };
    }

    private DataForm choice(Optional<MailSubscription> current) {
        String status = current.map(s -> (s.verified() ? "Forwarding to " : "Waiting for the code sent to ") + s.address())
                .orElse("Forwarding is off.");
        Field action = Field.listSingle("action", "What to do", List.of(
                new Field.Option("Forward to this address (a code is mailed to it)", "address"),
                new Field.Option("Enter the code I received", "code"),
                new Field.Option("Stop forwarding", "off"))).asRequired().withValue("address");
        Field address = Field.textSingle("address", "E-mail address");
        if (current.isPresent()) address = address.withValue(current.get().address());
        return DataForm.form(FORM_TYPE, "E-mail forwarding", status
                + " Messages that reach you while you are offline are mailed to the address, "
                + options.batchSeconds() + " seconds after the first one.", action, address);
    }

    private Step choose(EntityBareJid user, Optional<MailSubscription> current, DataForm form) throws StanzaException {
        String action = form.value("action");
        if ("off".equals(action)) {
            boolean was = store.deleteSubscription(user);
            return Step.completed(Step.Note.info(was ? "E-mail forwarding is off." : "E-mail forwarding was not on."));
        }
        if ("code".equals(action)) {
            if (current.filter(s -> !s.verified()).isEmpty()) {
                throw new StanzaException("item-not-found", "no code is waiting; choose an address first");
            }
            return Step.last(codeForm("Enter the code mailed to you."));
        }
        if (!"address".equals(action)) throw new StanzaException("bad-request", "action must be address, code or off");
        String address = address(form.value("address"));
        Instant now = server.clock().instant();
        if (current.isPresent() && !current.get().verified() && current.get().codeExpires() != null
                && current.get().codeExpires().minus(Duration.ofMinutes(options.codeMinutes())).plus(RESEND_PAUSE).isAfter(now)) {
            throw new StanzaException("resource-constraint", "a code was mailed less than a minute ago; wait before asking again");
        }
        String code = code();
        try {
            sender.send(new MailSender.OutgoingMail(address, "Your code for " + user.getDomain(), "Your code to forward the messages of "
                    + user + " to this address is:\n\n    " + code + "\n\nIt is valid for " + options.codeMinutes()
                    + " minutes. If you did not ask for it, ignore this mail: nothing will be forwarded.\n", null));
        } catch (MessagingException e) {
            LOG.warn("cannot mail a verification code to {} for {}: {}", address, user, e.getMessage());
            throw new StanzaException("remote-server-timeout", "the code could not be mailed; try again later");
        }
        store.saveSubscription(MailSubscription.unverified(user, address, code, now.plus(Duration.ofMinutes(options.codeMinutes()))));
        return Step.last(codeForm("A code was mailed to " + address + ". Enter it here."));
    }

    private Step confirm(EntityBareJid user, Optional<MailSubscription> current, String action, String given) throws StanzaException {
        if (current.isEmpty() || current.get().verified() && "code".equals(action)) {
            throw new StanzaException("item-not-found", "no code is waiting; choose an address first");
        }
        MailSubscription sub = current.get();
        if (sub.verified()) return Step.completed(Step.Note.info("Forwarding to " + sub.address() + "."));
        if (sub.codeExpires() == null || !sub.codeExpires().isAfter(server.clock().instant())) {
            store.deleteSubscription(user);
            return Step.completed(Step.Note.error("The code has expired; choose the address again."));
        }
        String code = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
        if (!code.equals(sub.code())) {
            MailSubscription tried = sub.withAttempt();
            if (tried.attempts() >= options.maxCodeAttempts()) {
                store.deleteSubscription(user);
                return Step.completed(Step.Note.error("Wrong code, too many times; choose the address again."));
            }
            store.saveSubscription(tried);
            return Step.completed(Step.Note.error("Wrong code; run the command again to enter it."));
        }
        store.saveSubscription(sub.asVerified());
        return Step.completed(Step.Note.info("Messages that reach you while you are offline will be mailed to " + sub.address() + "."));
    }

    private DataForm codeForm(String instructions) {
        return DataForm.form(FORM_TYPE, "E-mail forwarding", instructions, Field.textSingle("code", "Code").asRequired());
    }

    /** A single plain address, lower-cased (it is compared with the From of replies). */
    private static String address(String value) throws StanzaException {
        if (value == null || value.isBlank()) throw new StanzaException("bad-request", "address is required");
        try {
            InternetAddress a = new InternetAddress(value.strip(), true);
            String plain = a.getAddress();
            if (plain.length() > 254 || plain.indexOf('@') < 1 || a.getPersonal() != null) throw new AddressException("not a plain address");
            return plain.toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new StanzaException("bad-request", "not an e-mail address: " + value.strip());
        }
    }

    private String code() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return b.toString();
    }
}
