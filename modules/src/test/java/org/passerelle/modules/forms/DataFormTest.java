package org.passerelle.modules.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.testing.Xml;
import org.passerelle.xml.Element;

class DataFormTest {
    @Test
    void buildsFormsWithFormTypeFirst() {
        DataForm form = DataForm.form("http://jabber.org/protocol/admin", "Adding a User", "Fill out this form",
                Field.jidSingle("accountjid", "The Jabber ID").asRequired(),
                Field.listSingle("max_items", "Maximum", List.of(new Field.Option("25", "25"), new Field.Option("None", "none"))));
        Element x = form.toElement();
        assertThat(x.is("x", DataForm.NS)).isTrue();
        assertThat(x.attr("type")).isEqualTo("form");
        assertThat(x.childText("title", DataForm.NS)).isEqualTo("Adding a User");
        List<Element> fields = x.children("field", DataForm.NS);
        assertThat(fields).extracting(f -> f.attr("var")).containsExactly("FORM_TYPE", "accountjid", "max_items");
        assertThat(fields.get(0).attr("type")).isEqualTo("hidden");
        assertThat(fields.get(0).childText("value", DataForm.NS)).isEqualTo("http://jabber.org/protocol/admin");
        assertThat(fields.get(1).child("required", DataForm.NS)).isNotNull();
        assertThat(fields.get(2).children("option", DataForm.NS)).extracting(o -> o.childText("value", DataForm.NS))
                .containsExactly("25", "none");
        assertThat(DataForm.parse(x)).isEqualTo(form);
    }

    @Test
    void readsSubmittedValues() {
        DataForm submitted = DataForm.find(Xml.parse("<command xmlns='http://jabber.org/protocol/commands'>"
                + "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/admin</value></field>"
                + "<field var='accountjids'><value>a@localhost</value><value>b@localhost</value></field>"
                + "<field var='empty'/></x></command>"));
        assertThat(submitted.type()).isEqualTo("submit");
        assertThat(submitted.formType()).isEqualTo("http://jabber.org/protocol/admin");
        assertThat(submitted.values("accountjids")).containsExactly("a@localhost", "b@localhost");
        assertThat(submitted.value("accountjids")).isEqualTo("a@localhost");
        assertThat(submitted.value("empty")).isNull();
        assertThat(submitted.value("missing")).isNull();
        assertThat(submitted.values("missing")).isEmpty();
        assertThat(DataForm.parse(Xml.parse("<x xmlns='urn:other'/>"))).isNull();
    }
}
