package org.passerelle.modules.caps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.testing.Xml;

/** The worked examples of XEP-0115 §5.2 and §5.3. */
class VerificationStringTest {
    @Test
    void simpleExample() {
        String query = """
                <query xmlns='http://jabber.org/protocol/disco#info'>
                  <identity category='client' name='Exodus 0.9.1' type='pc'/>
                  <feature var='http://jabber.org/protocol/muc'/>
                  <feature var='http://jabber.org/protocol/disco#info'/>
                  <feature var='http://jabber.org/protocol/caps'/>
                  <feature var='http://jabber.org/protocol/disco#items'/>
                </query>""";
        assertThat(VerificationString.sha1(Xml.parse(query))).isEqualTo("QgayPKawpkPSDYmwT/WM94uAlu0=");
    }

    @Test
    void complexExampleWithLanguagesAndAForm() {
        String query = """
                <query xmlns='http://jabber.org/protocol/disco#info' node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>
                  <identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>
                  <identity xml:lang='el' category='client' name='&#936; 0.11' type='pc'/>
                  <feature var='http://jabber.org/protocol/caps'/>
                  <feature var='http://jabber.org/protocol/disco#info'/>
                  <feature var='http://jabber.org/protocol/disco#items'/>
                  <feature var='http://jabber.org/protocol/muc'/>
                  <x xmlns='jabber:x:data' type='result'>
                    <field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>
                    <field var='ip_version'><value>ipv6</value><value>ipv4</value></field>
                    <field var='os'><value>Mac</value></field>
                    <field var='software_version'><value>0.11</value></field>
                    <field var='os_version'><value>10.5.1</value></field>
                    <field var='software'><value>Psi</value></field>
                  </x>
                </query>""";
        assertThat(VerificationString.sha1(Xml.parse(query))).isEqualTo("q07IKJEyjvHSyhy//CH0CxmKi8w=");
    }

    @Test
    void formsWithoutFormTypeAreIgnored() {
        String base = "<query xmlns='http://jabber.org/protocol/disco#info'><identity category='server' type='im'/>"
                + "<feature var='urn:a'/>%s</query>";
        String withStrayForm = base.formatted("<x xmlns='jabber:x:data' type='result'><field var='x'><value>1</value></field></x>");
        assertThat(VerificationString.sha1(Xml.parse(withStrayForm))).isEqualTo(VerificationString.sha1(Xml.parse(base.formatted(""))));
        assertThat(VerificationString.sha1(Xml.parse(base.formatted("<feature var='urn:b'/>"))))
                .isNotEqualTo(VerificationString.sha1(Xml.parse(base.formatted(""))));
    }
}
