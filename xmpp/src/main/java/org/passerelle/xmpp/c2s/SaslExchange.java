package org.passerelle.xmpp.c2s;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.event.AuthFailed;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.store.ScramHash;
import org.passerelle.xml.Element;
import org.passerelle.xmpp.sasl.PlainMechanism;
import org.passerelle.xmpp.sasl.SaslException;
import org.passerelle.xmpp.sasl.SaslMechanism;
import org.passerelle.xmpp.sasl.SaslStep;
import org.passerelle.xmpp.sasl.ScramMechanism;

/**
 * One stream's SASL negotiation (RFC 6120 §6): picks the mechanism, decodes base64, runs the
 * steps and turns results into {@code <challenge/>}, {@code <success/>} or {@code <failure/>}.
 * Steps may block (credential lookup, PBKDF2): the handler calls {@link #handle} on a worker.
 */
final class SaslExchange {
    /** The answer to write, and the account when authentication succeeded. */
    record Outcome(Element reply, org.jxmpp.jid.EntityBareJid account, String failure, String claimedUser) {
    }

    private final C2sContext c2s;
    private final DomainBareJid domain;
    private final boolean tls;
    private final byte[] channelBinding;
    private final String remote;
    private SaslMechanism mechanism;
    private String mechanismName;

    /** {@code remote}: the client's address, for the {@link AuthFailed} events operators see. */
    SaslExchange(C2sContext c2s, DomainBareJid domain, boolean tls, byte[] channelBinding, String remote) {
        this.c2s = c2s;
        this.remote = remote;
        this.domain = domain;
        this.tls = tls;
        this.channelBinding = channelBinding;
    }

    /** Handles {@code <auth/>}, {@code <response/>} or {@code <abort/>}. */
    Outcome handle(Element e) {
        Outcome out = exchange(e);
        if (out.failure() != null && !out.failure().equals("aborted")) {
            c2s.server().metrics().authFailure(mechanismName, out.failure());
            c2s.server().events().publish(new AuthFailed(c2s.server().clock().instant(), out.claimedUser(), remote,
                    mechanismName == null ? "none" : mechanismName, out.failure()));
        }
        return out;
    }

    private Outcome exchange(Element e) {
        try {
            return switch (e.name()) {
                case "auth" -> start(e.attr("mechanism"), decode(e.text()));
                case "response" -> {
                    if (mechanism == null) throw new SaslException("malformed-request", "no exchange in progress");
                    yield step(decode(e.text()));
                }
                case "abort" -> {
                    mechanism = null;
                    yield failure("aborted", null);
                }
                default -> failure("malformed-request", null);
            };
        } catch (SaslException ex) {
            String claimed = mechanism == null ? null : mechanism.claimedUser();
            mechanism = null;
            return new Outcome(failureElement(ex.condition()), null, ex.condition(), claimed);
        } catch (TooManyFailures ex) {
            mechanism = null;
            return failure("temporary-auth-failure", "too many failed logins for this account; wait a minute");
        }
    }

    private Outcome start(String name, byte[] initial) throws SaslException {
        mechanismName = null; // an unoffered name is the client's text: not a meter tag
        if (name == null || !StreamFeatures.mechanisms(tls, channelBinding != null).contains(name)) {
            throw new SaslException("invalid-mechanism", "mechanism not offered");
        }
        mechanismName = name;
        mechanism = create(name);
        return step(initial);
    }

    /**
     * The mechanism, with its account lookups gated by the per-account failure limit: the account
     * is known only inside the mechanism (PLAIN has a single step), so the gate is where it asks.
     */
    private SaslMechanism create(String name) {
        var accounts = c2s.server().accounts();
        if (name.equals("PLAIN")) {
            return new PlainMechanism(domain, (account, password) -> admit(account) && accounts.verify(account, password));
        }
        boolean plus = name.endsWith("-PLUS");
        ScramHash hash = name.startsWith("SCRAM-SHA-256") ? ScramHash.SHA_256 : ScramHash.SHA_1;
        return new ScramMechanism(hash, plus, channelBinding != null, channelBinding, domain,
                account -> admit(account) ? accounts.find(account) : java.util.Optional.empty(),
                c2s.fakeSaltKey(), c2s.server().config().auth().scramIterations());
    }

    private boolean admit(org.jxmpp.jid.EntityBareJid account) {
        if (c2s.loginFailures().allowed(failureKey(account.toString()))) return true;
        throw new TooManyFailures();
    }

    static String failureKey(String account) {
        return "user:" + account;
    }

    /** Unwinds a mechanism whose account has used up its failed logins. */
    private static final class TooManyFailures extends RuntimeException {
        TooManyFailures() {
            super(null, null, false, false);
        }
    }

    private Outcome step(byte[] response) throws SaslException {
        SaslStep result = mechanism.step(response);
        if (!result.done()) {
            return new Outcome(Element.builder("challenge", Namespaces.SASL).text(encode(result.data())).build(), null, null, null);
        }
        mechanism = null;
        Element.Builder success = Element.builder("success", Namespaces.SASL);
        if (result.data() != null) success.text(encode(result.data()));
        return new Outcome(success.build(), result.authenticated(), null, null);
    }

    String claimedUser() {
        return mechanism == null ? null : mechanism.claimedUser();
    }

    static Outcome failure(String condition, String text) {
        Element.Builder f = Element.builder("failure", Namespaces.SASL).child(Element.of(condition, Namespaces.SASL));
        if (text != null) f.textChild("text", Namespaces.SASL, text);
        return new Outcome(f.build(), null, condition, null);
    }

    private static Element failureElement(String condition) {
        return failure(condition, null).reply();
    }

    /** RFC 6120 §6.4.2: "=" is an empty response; anything not base64 is incorrect-encoding. */
    private static byte[] decode(String text) throws SaslException {
        String t = text.strip();
        if (t.isEmpty() || t.equals("=")) return new byte[0];
        try {
            return Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw new SaslException("incorrect-encoding", "not base64");
        }
    }

    private static String encode(byte[] data) {
        if (data == null || data.length == 0) return "=";
        return new String(Base64.getEncoder().encode(data), StandardCharsets.US_ASCII);
    }
}
