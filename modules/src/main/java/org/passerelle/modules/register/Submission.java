package org.passerelle.modules.register;

import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

/**
 * What a client sent in a {@code jabber:iq:register} set: the plain fields, or a data form
 * (XEP-0077 §4: the form takes precedence; it cannot carry {@code <remove/>}).
 */
record Submission(String username, String password, boolean remove) {
    static Submission read(Element query) {
        DataForm form = DataForm.find(query);
        if (form != null) return new Submission(form.value("username"), form.value("password"), false);
        return new Submission(query.childText("username", RegisterModule.NS), query.childText("password", RegisterModule.NS),
                query.child("remove", RegisterModule.NS) != null);
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }
}
