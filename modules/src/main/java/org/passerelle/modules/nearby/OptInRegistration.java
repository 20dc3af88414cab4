package org.passerelle.modules.nearby;

import java.math.BigDecimal;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * Opting in and out with XEP-0077 in-band registration on the service, with a XEP-0004 form
 * (§4.2 extensibility): {@code visibility} and {@code precision}; {@code <remove/>} opts out.
 */
final class OptInRegistration {
    static final String NS = "jabber:iq:register";
    /** XEP-0077 §3.4: registration forms carry the protocol's namespace as FORM_TYPE. */
    static final String FORM_TYPE = NS;

    private final OptIns optIns;

    OptInRegistration(OptIns optIns) {
        this.optIns = optIns;
    }

    Stanza handle(Stanza iq, EntityBareJid user) throws StanzaException {
        Element query = iq.element().firstElement();
        if ("get".equals(iq.type())) return iq.result(form(optIns.get(user)));
        if (query.child("remove", NS) != null) {
            optIns.remove(user);
            return iq.result(null);
        }
        DataForm form = DataForm.find(query);
        if (form == null || !"submit".equals(form.type())) throw new StanzaException("bad-request", "submit the registration form");
        String visibility = form.value("visibility");
        String precision = form.value("precision");
        if (!OptIn.VISIBILITIES.contains(visibility)) throw new StanzaException("not-acceptable", "visibility must be contacts or public");
        if (!OptIn.PRECISIONS.contains(precision)) throw new StanzaException("not-acceptable", "precision must be 0.01, 0.1 or 1");
        optIns.put(user, new OptIn(visibility, new BigDecimal(precision)));
        return iq.result(null);
    }

    private static Element form(OptIn current) {
        String visibility = current == null ? "contacts" : current.visibility();
        String precision = current == null ? "0.01" : current.precision().toPlainString();
        DataForm form = DataForm.form(FORM_TYPE, "Be found nearby",
                "Who may find you from your published location (XEP-0080), and how precisely it is shown.",
                Field.listSingle("visibility", "Who may find me", List.of(new Field.Option("People I share my presence with", "contacts"),
                        new Field.Option("Everyone on this server", "public"))).asRequired().withValue(visibility),
                Field.listSingle("precision", "Shown precision (degrees)", List.of(new Field.Option("about 1 km", "0.01"),
                        new Field.Option("about 10 km", "0.1"), new Field.Option("about 100 km", "1"))).asRequired().withValue(precision));
        Element.Builder q = Element.builder("query", NS)
                .textChild("instructions", NS, "Fill in the form to be found nearby; remove the registration to stop.");
        if (current != null) q.child(Element.of("registered", NS));
        return q.child(form.toElement()).build();
    }
}
