package org.passerelle.core.stanza;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.Jid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.xml.Element;

/**
 * An immutable stanza: the element plus its parsed addressing. JIDs are parsed and normalised
 * once, when the stanza is read; {@link #withFrom} and {@link #withTo} return copies. A message
 * being routed may carry the charging records it owes (see {@code core.charging.Charging}); they
 * are never written to the wire, and answers built from the stanza (errors, results) owe nothing.
 */
public final class Stanza {
    private final Element element;
    private final StanzaKind kind;
    private final Jid to;
    private final Jid from;
    private final List<ChargingRecord> charges;

    private Stanza(Element element, StanzaKind kind, Jid to, Jid from) {
        this(element, kind, to, from, List.of());
    }

    private Stanza(Element element, StanzaKind kind, Jid to, Jid from, List<ChargingRecord> charges) {
        this.element = element;
        this.kind = kind;
        this.to = to;
        this.from = from;
        this.charges = charges;
    }

    /**
     * Reads a stanza element in the {@code jabber:client} or {@code jabber:server} namespace.
     * Throws {@code jid-malformed} for a bad address and {@code bad-request} for a missing IQ id
     * or type.
     */
    public static Stanza parse(Element element) throws StanzaException {
        StanzaKind kind = StanzaKind.of(element.name());
        if (kind == null) throw new StanzaException("bad-request", "not a stanza: " + element.name());
        Jid to = Jids.parseOptional(element.attr("to"));
        Jid from = Jids.parseOptional(element.attr("from"));
        if (kind == StanzaKind.IQ) {
            String type = element.attr("type");
            if (element.attr("id") == null) throw new StanzaException("bad-request", "IQ without id");
            if (type == null || !(type.equals("get") || type.equals("set") || type.equals("result") || type.equals("error"))) {
                throw new StanzaException("bad-request", "IQ type must be get, set, result or error");
            }
        }
        return new Stanza(element, kind, to, from);
    }

    /** For stanzas the server builds itself, whose addresses are already parsed. */
    public static Stanza of(Element element, Jid from, Jid to) {
        StanzaKind kind = Objects.requireNonNull(StanzaKind.of(element.name()), "not a stanza");
        Element e = element.withAttr("from", from == null ? null : from.toString())
                .withAttr("to", to == null ? null : to.toString());
        return new Stanza(e, kind, to, from);
    }

    public Element element() { return element; }

    public StanzaKind kind() { return kind; }

    public Jid to() { return to; }

    public Jid from() { return from; }

    /** The type attribute, or null (for message that means "normal", for presence "available"). */
    public String type() { return element.attr("type"); }

    public String id() { return element.attr("id"); }

    public boolean isMessage() { return kind == StanzaKind.MESSAGE; }

    public boolean isPresence() { return kind == StanzaKind.PRESENCE; }

    public boolean isIq() { return kind == StanzaKind.IQ; }

    /** A message type with RFC 6121 defaults applied: chat, error, groupchat, headline or normal. */
    public String messageType() {
        String t = type();
        return t == null || !(t.equals("chat") || t.equals("error") || t.equals("groupchat") || t.equals("headline")) ? "normal" : t;
    }

    /** An IQ request (get or set) that needs an answer. */
    public boolean isIqRequest() {
        String t = type();
        return kind == StanzaKind.IQ && ("get".equals(t) || "set".equals(t));
    }

    public Stanza withFrom(Jid newFrom) {
        return new Stanza(element.withAttr("from", newFrom == null ? null : newFrom.toString()), kind, to, newFrom, charges);
    }

    public Stanza withTo(Jid newTo) {
        return new Stanza(element.withAttr("to", newTo == null ? null : newTo.toString()), kind, newTo, from, charges);
    }

    /** The same message with another element (a stamp added); it still owes its charges. */
    public Stanza withElement(Element newElement) {
        return new Stanza(newElement.withAttr("to", to == null ? null : to.toString())
                .withAttr("from", from == null ? null : from.toString()), kind, to, from, charges);
    }

    /** The charging records this stanza owes, not yet stored; empty for almost every stanza. */
    public List<ChargingRecord> charges() { return charges; }

    /** The same stanza owing one more record, to be written with the step that delivers it. */
    public Stanza withCharge(ChargingRecord record) {
        List<ChargingRecord> more = new ArrayList<>(charges.size() + 1);
        more.addAll(charges);
        more.add(Objects.requireNonNull(record));
        return new Stanza(element, kind, to, from, List.copyOf(more));
    }

    /** The same stanza once its records are stored. */
    public Stanza withoutCharges() {
        return charges.isEmpty() ? this : new Stanza(element, kind, to, from);
    }

    /** The {@code <iq type='result'>} answer to this request, with an optional payload. */
    public Stanza result(Element payload) {
        Element.Builder b = Element.builder("iq", Namespaces.CLIENT).attr("type", "result").attr("id", id());
        if (payload != null) b.child(payload);
        return of(b.build(), to, from);
    }

    /** The error answer to this stanza (RFC 6120 §8.3), addressed back to its sender. */
    public Stanza error(String condition, String text) {
        return error(StanzaErrors.errorElement(condition, text));
    }

    /** The error answer for a refusal, with its application-specific condition if it has one. */
    public Stanza error(StanzaException refusal) {
        Element err = StanzaErrors.errorElement(refusal.condition(), refusal.getMessage());
        if (refusal.applicationCondition() != null) err = err.withChild(refusal.applicationCondition());
        return error(err);
    }

    private Stanza error(Element err) {
        Element e = Element.builder(element.name(), element.namespace()).attr("type", "error").attr("id", id())
                .child(err).build();
        return of(e, to, from);
    }

    @Override
    public String toString() {
        return element.toString();
    }
}
