package org.passerelle.modules.forms;

import java.util.List;
import org.passerelle.xml.Element;

/**
 * One {@code <field/>} of a data form (XEP-0004 §3.2). Immutable; the factories name the field
 * types of §3.3 and {@link #asRequired()} and {@link #withValues} return copies.
 *
 * @param type null when the field has no type attribute (submitted forms often omit it)
 */
public record Field(String var, String type, String label, boolean required, List<String> values, List<Option> options) {
    /** A choice of a list-single or list-multi field. */
    public record Option(String label, String value) {
    }

    public Field {
        values = List.copyOf(values);
        options = List.copyOf(options);
    }

    public static Field of(String type, String var, String label) {
        return new Field(var, type, label, false, List.of(), List.of());
    }

    public static Field hidden(String var, String value) {
        return of("hidden", var, null).withValues(List.of(value));
    }

    public static Field textSingle(String var, String label) { return of("text-single", var, label); }

    public static Field textPrivate(String var, String label) { return of("text-private", var, label); }

    public static Field textMulti(String var, String label) { return of("text-multi", var, label); }

    public static Field jidSingle(String var, String label) { return of("jid-single", var, label); }

    public static Field jidMulti(String var, String label) { return of("jid-multi", var, label); }

    public static Field listSingle(String var, String label, List<Option> options) {
        return new Field(var, "list-single", label, false, List.of(), options);
    }

    public Field asRequired() {
        return new Field(var, type, label, true, values, options);
    }

    public Field withValues(List<String> newValues) {
        return new Field(var, type, label, required, newValues, options);
    }

    public Field withValue(String value) {
        return withValues(List.of(value));
    }

    /** The first value, or null. */
    public String value() {
        return values.isEmpty() ? null : values.getFirst();
    }

    Element toElement() {
        Element.Builder b = Element.builder("field", DataForm.NS).attr("var", var).attr("type", type).attr("label", label);
        if (required) b.child(Element.of("required", DataForm.NS));
        for (String v : values) b.child(Element.builder("value", DataForm.NS).text(v).build());
        for (Option o : options) {
            b.child(Element.builder("option", DataForm.NS).attr("label", o.label())
                    .child(Element.builder("value", DataForm.NS).text(o.value()).build()).build());
        }
        return b.build();
    }

    static Field parse(Element e) {
        List<String> values = e.children("value", DataForm.NS).stream().map(Element::text).toList();
        List<Option> options = e.children("option", DataForm.NS).stream()
                .map(o -> new Option(o.attr("label"), o.childText("value", DataForm.NS))).toList();
        return new Field(e.attr("var"), e.attr("type"), e.attr("label"), e.child("required", DataForm.NS) != null, values, options);
    }
}
