package org.passerelle.modules.forms;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.xml.Element;

/**
 * A XEP-0004 data form ({@code <x xmlns='jabber:x:data'/>}): its type (form, submit, cancel,
 * result), title, instructions and fields. Multi-item results ({@code <reported/>},
 * {@code <item/>}) are not modelled: no module needs tables yet.
 */
public record DataForm(String type, String title, String instructions, List<Field> fields) {
    public static final String NS = "jabber:x:data";

    public DataForm {
        fields = List.copyOf(fields);
    }

    /** A form to fill in, with a hidden FORM_TYPE field first (XEP-0068) when {@code formType} is not null. */
    public static DataForm form(String formType, String title, String instructions, Field... fields) {
        return new DataForm("form", title, instructions, withFormType(formType, fields));
    }

    /** A result form that reports values (XEP-0004 §3.1 type 'result'). */
    public static DataForm result(String formType, String title, Field... fields) {
        return new DataForm("result", title, null, withFormType(formType, fields));
    }

    /** A submitted form, as a client sends it. */
    public static DataForm submit(String formType, Field... fields) {
        return new DataForm("submit", null, null, withFormType(formType, fields));
    }

    /** Reads an {@code <x xmlns='jabber:x:data'/>} element; null when {@code x} is null or not a data form. */
    public static DataForm parse(Element x) {
        if (x == null || !x.is("x", NS)) return null;
        List<Field> fields = x.children("field", NS).stream().map(Field::parse).toList();
        return new DataForm(x.attr("type"), x.childText("title", NS), x.childText("instructions", NS), fields);
    }

    /** The first data form among the children of {@code parent}, or null. */
    public static DataForm find(Element parent) {
        return parent == null ? null : parse(parent.child("x", NS));
    }

    public Element toElement() {
        Element.Builder b = Element.builder("x", NS).attr("type", type)
                .textChild("title", NS, title).textChild("instructions", NS, instructions);
        for (Field f : fields) b.child(f.toElement());
        return b.build();
    }

    /** The field with this var, or null. */
    public Field field(String var) {
        for (Field f : fields) if (var.equals(f.var())) return f;
        return null;
    }

    /** The first value of a field, or null when the field or its value is missing. */
    public String value(String var) {
        Field f = field(var);
        return f == null ? null : f.value();
    }

    /** All values of a field (jid-multi, list-multi, text-multi); empty when missing. */
    public List<String> values(String var) {
        Field f = field(var);
        return f == null ? List.of() : f.values();
    }

    /** The value of the hidden FORM_TYPE field, or null. */
    public String formType() {
        return value("FORM_TYPE");
    }

    private static List<Field> withFormType(String formType, Field... fields) {
        List<Field> all = new ArrayList<>(fields.length + 1);
        if (formType != null) all.add(Field.hidden("FORM_TYPE", formType));
        all.addAll(List.of(fields));
        return all;
    }
}
