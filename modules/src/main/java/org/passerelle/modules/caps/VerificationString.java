package org.passerelle.modules.caps;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.passerelle.core.util.Digests;
import org.passerelle.xml.Element;

/** The XEP-0115 §5.1 verification string of a disco#info {@code <query/>}, hashed with SHA-1. */
public final class VerificationString {
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    static final String DATA = "jabber:x:data";

    /** RFC 4790 "i;octet": compare the UTF-8 bytes, unsigned. */
    private static final Comparator<String> OCTET = (a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b));

    private VerificationString() {
    }

    public static String sha1(Element query) {
        StringBuilder s = new StringBuilder();
        List<Element> identities = new ArrayList<>(query.children("identity", DISCO_INFO));
        identities.sort(Comparator.comparing((Element i) -> orEmpty(i.attr("category")), OCTET)
                .thenComparing(i -> orEmpty(i.attr("type")), OCTET)
                .thenComparing(i -> orEmpty(i.attr("xml:lang")), OCTET));
        for (Element i : identities) {
            s.append(orEmpty(i.attr("category"))).append('/').append(orEmpty(i.attr("type"))).append('/')
                    .append(orEmpty(i.attr("xml:lang"))).append('/').append(orEmpty(i.attr("name"))).append('<');
        }
        for (String var : sorted(query.children("feature", DISCO_INFO).stream().map(f -> orEmpty(f.attr("var"))).toList())) {
            s.append(var).append('<');
        }
        List<Element> forms = new ArrayList<>();
        for (Element x : query.children("x", DATA)) if (formType(x) != null) forms.add(x);
        forms.sort(Comparator.comparing(VerificationString::formType, OCTET));
        for (Element form : forms) appendForm(form, s);
        return Base64.getEncoder().encodeToString(sha1(s.toString()));
    }

    private static void appendForm(Element form, StringBuilder s) {
        s.append(formType(form)).append('<');
        List<Element> fields = new ArrayList<>();
        for (Element f : form.children("field", DATA)) if (!"FORM_TYPE".equals(f.attr("var"))) fields.add(f);
        fields.sort(Comparator.comparing(f -> orEmpty(f.attr("var")), OCTET));
        for (Element f : fields) {
            s.append(orEmpty(f.attr("var"))).append('<');
            for (String v : sorted(f.children("value", DATA).stream().map(Element::text).toList())) s.append(v).append('<');
        }
    }

    /** The value of the form's hidden FORM_TYPE field; null for a form without one (it is ignored). */
    private static String formType(Element form) {
        for (Element f : form.children("field", DATA)) {
            if ("FORM_TYPE".equals(f.attr("var"))) return f.childText("value", DATA);
        }
        return null;
    }

    private static List<String> sorted(List<String> in) {
        List<String> out = new ArrayList<>(in);
        out.sort(OCTET);
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha1(String s) {
        return Digests.sha1(utf8(s));
    }
}
