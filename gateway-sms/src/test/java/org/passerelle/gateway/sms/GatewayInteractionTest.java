package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.SmsLink;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.MovableClock;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.modules.roster.RosterModule;
import org.passerelle.xml.Element;

/** XEP-0100 at {@code sms.localhost} against the SMSC simulator: addressing phones, and linking one by in-band registration. */
class GatewayInteractionTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    private static final String REGISTER = "jabber:iq:register";
    private final MovableClock clock = MovableClock.realTime();
    private SmscSimulator smsc;
    private TestServer server;
    private TestSession alice;

    @BeforeEach
    void start() throws Exception {
        smsc = new SmscSimulator("esme", "pw");
        server = new TestServer(ConfigLoader.parse("""
                domains: [{name: localhost}, {name: other.example}]
                modules:
                  sms:
                    enabled: true
                    sourceAddress: "555"
                    codeMinutes: 10
                    smscs: [{host: 127.0.0.1, port: %d, systemId: esme, password: pw}]
                """.formatted(smsc.port()), "test"), new MemoryStores(), clock, new RosterModule(), new PresenceModule(), new SmsModule());
        smsc.awaitBound(5000);
        alice = server.login("alice@localhost/app");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        smsc.close();
    }

    private static Stanza ask(TestServer server, TestSession s, String type, String query) {
        server.send(s, "<iq type='" + type + "' to='sms.localhost' id='q'>" + query + "</iq>");
        return s.next();
    }

    private Stanza register(String phone, String mode, String code) {
        StringBuilder form = new StringBuilder("<query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>");
        form.append("<field var='phone'><value>").append(phone).append("</value></field>");
        if (mode != null) form.append("<field var='forwarding'><value>").append(mode).append("</value></field>");
        if (code != null) form.append("<field var='code'><value>").append(code).append("</value></field>");
        return ask(server, alice, "set", form.append("</x></query>").toString());
    }

    private static String condition(Stanza error) {
        assertThat(error.type()).isEqualTo("error");
        return error.element().child("error", error.element().namespace()).firstElement().name();
    }

    private static String text(Stanza error) {
        return error.element().child("error", error.element().namespace()).childText("text", "urn:ietf:params:xml:ns:xmpp-stanzas");
    }

    /** The code in the SMS the simulator got for this number. */
    private String codeSmsTo(String phone) throws Exception {
        SmscSimulator.Submitted sms = smsc.next(3000);
        assertThat(sms.destination()).isEqualTo(phone.substring(1));
        Matcher m = Pattern.compile("Your code for alice@localhost: (\\d{6})$").matcher(sms.text());
        assertThat(m.find()).as(sms.text()).isTrue();
        return m.group(1);
    }

    private static String other(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void discoAdvertisesTheGatewayAndBothNamespaces() {
        Element info = ask(server, alice, "get", "<query xmlns='http://jabber.org/protocol/disco#info'/>").element().firstElement();
        assertThat(info.toString()).contains("category=\"gateway\"", "type=\"sms\"", "var=\"jabber:iq:gateway\"", "var=\"jabber:iq:register\"");
    }

    @Test
    void aTypedNumberBecomesAPhoneJidAndATextIsRefused() throws Exception {
        Element prompt = ask(server, alice, "get", "<query xmlns='jabber:iq:gateway'/>").element().firstElement();
        assertThat(prompt.childText("prompt", "jabber:iq:gateway")).isEqualTo("Phone number");
        assertThat(prompt.childText("desc", "jabber:iq:gateway")).contains("international");
        Stanza jid = ask(server, alice, "set", "<query xmlns='jabber:iq:gateway'><prompt>+33 6 12 34 56 78</prompt></query>");
        assertThat(jid.element().firstElement().childText("jid", "jabber:iq:gateway")).isEqualTo("+33612345678@sms.localhost");
        Stanza zeros = ask(server, alice, "set", "<query xmlns='jabber:iq:gateway'><prompt>0044 7700 900123</prompt></query>");
        assertThat(zeros.element().firstElement().childText("jid", "jabber:iq:gateway")).isEqualTo("+447700900123@sms.localhost");
        assertThat(condition(ask(server, alice, "set", "<query xmlns='jabber:iq:gateway'><prompt>juliet</prompt></query>")))
                .isEqualTo("not-acceptable");
        assertThat(condition(ask(server, alice, "set", "<query xmlns='jabber:iq:gateway'><prompt>06 12 34 56 78</prompt></query>")))
                .as("a national number says no country").isEqualTo("not-acceptable");
        assertThat(condition(ask(server, alice, "set", "<query xmlns='jabber:iq:gateway'/>"))).isEqualTo("bad-request");
        smsc.assertNothing(200);
    }

    @Test
    void registeringWithANumberTextsACodeThatLinksItAfterAWrongOne() throws Exception {
        Element blank = ask(server, alice, "get", "<query xmlns='jabber:iq:register'/>").element().firstElement();
        assertThat(blank.child("registered", REGISTER)).isNull();
        assertThat(blank.childText("instructions", REGISTER)).contains("a code will be sent");
        DataForm form = DataForm.find(blank);
        assertThat(form.formType()).isEqualTo(REGISTER);
        assertThat(form.field("phone").required()).isTrue();
        assertThat(form.field("forwarding").options()).hasSize(3);
        assertThat(form.field("code")).isNotNull();

        Stanza sent = register("+33 6 00 00 00 01", "away", null);
        assertThat(condition(sent)).isEqualTo("not-acceptable");
        assertThat(text(sent)).isEqualTo("A code was sent by SMS to +33600000001: register again with it in the code field.");
        assertThat(DataForm.find(sent.element().child("query", REGISTER)).value("phone")).as("the form again, in the error")
                .isEqualTo("+33600000001");
        String code = codeSmsTo("+33600000001");
        Element waiting = ask(server, alice, "get", "<query xmlns='jabber:iq:register'/>").element().firstElement();
        assertThat(waiting.childText("instructions", REGISTER)).startsWith("A code was sent by SMS to +33600000001");

        Stanza wrong = register("+33600000001", "away", other(code));
        assertThat(text(wrong)).startsWith("Wrong code");
        assertThat(server.context().stores().sms().linkOf(ALICE)).isEmpty();
        assertThat(register("+33600000001", "away", code).type()).isEqualTo("result");
        assertThat(server.context().stores().sms().linkOf(ALICE)).hasValue(new SmsLink(ALICE, "+33600000001", "away"));

        Element registered = ask(server, alice, "get", "<query xmlns='jabber:iq:register'/>").element().firstElement();
        assertThat(registered.child("registered", REGISTER)).isNotNull();
        assertThat(DataForm.find(registered).value("phone")).isEqualTo("+33600000001");
        assertThat(DataForm.find(registered).value("forwarding")).isEqualTo("away");

        assertThat(register("+33600000001", "off", null).type()).as("same number: the mode only").isEqualTo("result");
        assertThat(server.context().stores().sms().linkOf(ALICE).orElseThrow().forwarding()).isEqualTo("off");
        smsc.assertNothing(300);
    }

    @Test
    void threeWrongCodesOrAnExpiredCodeLinkNothing() throws Exception {
        register("+33600000002", null, null);
        String code = codeSmsTo("+33600000002");
        register("+33600000002", null, other(code));
        register("+33600000002", null, other(code));
        assertThat(text(register("+33600000002", null, other(code)))).contains("too many tries");
        assertThat(text(register("+33600000002", null, code))).startsWith("No code is waiting for +33600000002");

        assertThat(condition(register("+33600000002", null, null))).as("a second code within the minute").isEqualTo("resource-constraint");
        smsc.assertNothing(300);
        clock.add(Duration.ofMinutes(1));
        register("+33600000002", null, null);
        String second = codeSmsTo("+33600000002");
        clock.add(Duration.ofMinutes(11));
        assertThat(text(register("+33600000002", null, second))).startsWith("No code is waiting");
        assertThat(server.context().stores().sms().linkOf(ALICE)).isEmpty();

        register("+33600000002", null, null);
        codeSmsTo("+33600000002"); // the third to this number within the hour
        clock.add(Duration.ofMinutes(2));
        assertThat(condition(register("+33600000002", null, null))).as("a fourth to the same number").isEqualTo("resource-constraint");
        smsc.assertNothing(300);
    }

    @Test
    void removeUnlinksAndEndsTheSubscriptions() throws Exception {
        server.context().stores().sms().link(new SmsLink(ALICE, "+33600000003", "offline"));
        server.available(alice);
        alice.clear();
        assertThat(ask(server, alice, "set", "<query xmlns='jabber:iq:register'><remove/></query>").type()).isEqualTo("result");
        assertThat(server.context().stores().sms().linkOf(ALICE)).isEmpty();
        Stanza gone = alice.next();
        assertThat(gone.isPresence()).isTrue();
        assertThat(gone.from().toString()).isEqualTo("sms.localhost");
        assertThat(gone.type()).isEqualTo("unavailable");
        assertThat(condition(ask(server, alice, "set", "<query xmlns='jabber:iq:register'><remove/></query>")))
                .isEqualTo("registration-required");
        assertThat(condition(ask(server, alice, "set", "<query xmlns='jabber:iq:register'><remove/><x xmlns='jabber:x:data'/></query>")))
                .isEqualTo("bad-request");
    }

    @Test
    void usersOfOtherDomainsAndNumbersOfOtherAccountsAreRefused() throws Exception {
        TestSession eve = server.login("eve@other.example/app");
        assertThat(condition(ask(server, eve, "get", "<query xmlns='jabber:iq:register'/>"))).isEqualTo("forbidden");
        assertThat(condition(ask(server, eve, "set", "<query xmlns='jabber:iq:gateway'><prompt>+33600000004</prompt></query>")))
                .isEqualTo("forbidden");

        EntityBareJid bob = Jids.of("bob@localhost").asEntityBareJidOrThrow();
        server.context().stores().sms().link(new SmsLink(bob, "+33600000004", "offline"));
        Stanza taken = register("+33600000004", null, null);
        assertThat(condition(taken)).isEqualTo("conflict");
        assertThat(text(taken)).isEqualTo("This number is linked to another account.");
        assertThat(condition(register("hello", null, null))).isEqualTo("not-acceptable");
        smsc.assertNothing(300);
    }

    /** System time moved forward on demand, for code expiry (the SMSC and outbox still see time pass). */
}
