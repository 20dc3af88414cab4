package org.passerelle.modules.mam;

import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Delays;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * A parsed {@code <query xmlns='urn:xmpp:mam:2'/>}: the form's filter (XEP-0313 §4.1) and the
 * XEP-0059 page. RSM {@code after} pages forward, {@code before} (empty or with an id) backward
 * from the end; a larger {@code max} than allowed is lowered, a negative or unreadable one refused.
 */
record MamQuery(String queryId, ArchiveFilter filter, String after, String before, boolean fromEnd, int max, boolean flip) {
    static final String RSM = "http://jabber.org/protocol/rsm";

    static MamQuery parse(Element query, int defaultMax, int maxMax) throws StanzaException {
        ArchiveFilter filter = filter(DataForm.find(query), maxMax);
        int max = defaultMax;
        String after = null;
        String before = null;
        boolean fromEnd = false;
        Element set = query.child("set", RSM);
        if (set != null) {
            if (set.child("index", RSM) != null) throw new StanzaException("feature-not-implemented", "RSM index is not supported");
            String maxText = set.childText("max", RSM);
            if (maxText != null) max = max(maxText, maxMax);
            Element a = set.child("after", RSM);
            if (a != null) after = id(a.text(), "after");
            Element b = set.child("before", RSM);
            if (b != null) {
                fromEnd = true;
                if (!b.text().isBlank()) before = id(b.text(), "before");
            }
        }
        return new MamQuery(query.attr("queryid"), filter, after, before, fromEnd, max, query.child("flip-page", MamModule.NS) != null);
    }

    private static ArchiveFilter filter(DataForm form, int maxIds) throws StanzaException {
        if (form == null) return ArchiveFilter.ALL;
        if (form.formType() != null && !MamModule.NS.equals(form.formType())) {
            throw new StanzaException("bad-request", "FORM_TYPE must be " + MamModule.NS);
        }
        Jid with = null;
        Instant start = null;
        Instant end = null;
        String afterId = null;
        String beforeId = null;
        List<String> ids = List.of();
        for (Field f : form.fields()) {
            if (f.var() == null) throw new StanzaException("bad-request", "a field without var");
            String value = f.value() == null ? null : f.value().strip();
            switch (f.var()) {
                case "FORM_TYPE" -> { }
                case "with" -> with = Jids.parse(required(value, "with"));
                case "start" -> start = time(required(value, "start"));
                case "end" -> end = time(required(value, "end"));
                case "after-id" -> afterId = id(value, "after-id");
                case "before-id" -> beforeId = id(value, "before-id");
                case "ids" -> {
                    ids = f.values().stream().map(String::strip).toList();
                    if (ids.size() > maxIds) throw new StanzaException("policy-violation", "at most " + maxIds + " ids");
                }
                default -> throw new StanzaException("feature-not-implemented", "unknown field " + f.var());
            }
        }
        return new ArchiveFilter(with, start, end, afterId, beforeId, ids);
    }

    /** A page size: digits only; more than allowed (even past the int range) is lowered to the maximum. */
    private static int max(String text, int maxMax) throws StanzaException {
        String t = text.strip();
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new StanzaException("bad-request", "RSM max must be a non-negative integer");
        }
        String digits = t.replaceFirst("^0+(?=.)", "");
        return digits.length() > 9 ? maxMax : Math.min(Integer.parseInt(digits), maxMax);
    }

    private static Instant time(String text) throws StanzaException {
        return Delays.parse(text).orElseThrow(() -> new StanzaException("bad-request", "not a XEP-0082 DateTime: " + text));
    }

    private static String id(String text, String name) throws StanzaException {
        return required(text == null ? null : text.strip(), name);
    }

    private static String required(String value, String name) throws StanzaException {
        if (value == null || value.isEmpty()) throw new StanzaException("bad-request", name + " needs a value");
        return value;
    }
}
