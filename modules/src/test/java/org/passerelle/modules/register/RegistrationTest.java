package org.passerelle.modules.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.routing.PreAuthIqHandler;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.Xml;
import org.passerelle.xml.Element;

/** In-band registration before authentication, through the pre-auth handler the frontend calls. */
class RegistrationTest {
    private static final String YAML = """
            domains:
              - name: open.example
                registration: true
              - name: closed.example
            limits:
              registrationsPerHour: 3
            """;
    private static final DomainBareJid OPEN = Jids.of("open.example").asDomainBareJid();
    private static final DomainBareJid CLOSED = Jids.of("closed.example").asDomainBareJid();

    private final TestServer server = new TestServer(YAML, new RegisterModule());
    private final PreAuthIqHandler handler = server.context().features().preAuthIq(RegisterModule.NS);

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void offersTheFieldsAndTheStreamFeatureOnlyWhereRegistrationIsOn() throws Exception {
        Element answer = handler.handle(Xml.parse("<iq type='get' id='reg1'><query xmlns='jabber:iq:register'/></iq>"), OPEN, "192.0.2.1");
        assertThat(answer.attr("type")).isEqualTo("result");
        assertThat(answer.attr("id")).isEqualTo("reg1");
        Element query = answer.child("query", RegisterModule.NS);
        assertThat(query.child("username", RegisterModule.NS)).isNotNull();
        assertThat(query.child("password", RegisterModule.NS)).isNotNull();
        assertThat(query.childText("instructions", RegisterModule.NS)).isNotBlank();
        assertCondition(() -> handler.handle(Xml.parse("<iq type='get' id='reg1'><query xmlns='jabber:iq:register'/></iq>"), CLOSED, "192.0.2.1"),
                "service-unavailable");

        assertThat(server.context().features().streamFeatures(false, OPEN))
                .containsExactly(Element.of("register", "http://jabber.org/features/iq-register"));
        assertThat(server.context().features().streamFeatures(false, CLOSED)).isEmpty();
        assertThat(server.context().features().streamFeatures(true, OPEN)).isEmpty();
    }

    @Test
    void createsTheAccountWithANormalisedUsername() throws Exception {
        Element answer = register("Juliet", "R0m30", OPEN, "192.0.2.1");
        assertThat(answer.attr("type")).isEqualTo("result");
        EntityBareJid juliet = Jids.of("juliet@open.example").asEntityBareJidOrThrow();
        assertThat(server.context().accounts().verify(juliet, "R0m30")).isTrue();
        assertThat(server.context().accounts().isAdmin(juliet)).isFalse();
    }

    @Test
    void acceptsTheFieldsAsADataForm() throws Exception {
        handler.handle(Xml.parse("<iq type='set' id='r'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>"
                + "<field var='username'><value>bill</value></field><field var='password'><value>Calliope</value></field>"
                + "</x></query></iq>"), OPEN, "192.0.2.1");
        assertThat(server.context().accounts().verify(Jids.of("bill@open.example").asEntityBareJidOrThrow(), "Calliope")).isTrue();
    }

    @Test
    void refusesClosedDomainsTakenNamesAndMissingFields() throws Exception {
        assertCondition(() -> register("romeo", "pw", CLOSED, "192.0.2.1"), "not-allowed");
        assertThat(server.context().accounts().exists(Jids.of("romeo@closed.example").asEntityBareJidOrThrow())).isFalse();

        register("romeo", "pw", OPEN, "192.0.2.1");
        assertCondition(() -> register("Romeo", "other", OPEN, "192.0.2.2"), "conflict");
        assertThat(server.context().accounts().verify(Jids.of("romeo@open.example").asEntityBareJidOrThrow(), "pw")).isTrue();

        assertCondition(() -> register("", "pw", OPEN, "192.0.2.3"), "not-acceptable");
        assertCondition(() -> register("a@b", "pw", OPEN, "192.0.2.3"), "not-acceptable");
        assertCondition(() -> register("with space", "pw", OPEN, "192.0.2.3"), "not-acceptable");
        assertCondition(() -> register("nopass", "", OPEN, "192.0.2.3"), "not-acceptable");
        assertCondition(() -> handler.handle(Xml.parse("<iq type='set' id='r'><query xmlns='jabber:iq:register'>"
                + "<password>pw</password></query></iq>"), OPEN, "192.0.2.3"), "not-acceptable");
        assertCondition(() -> handler.handle(Xml.parse("<iq type='set' id='r'><query xmlns='jabber:iq:register'><remove/></query></iq>"),
                OPEN, "192.0.2.3"), "unexpected-request");
    }

    @Test
    void limitsRegistrationsPerAddress() throws Exception {
        register("one", "pw", OPEN, "192.0.2.9");
        register("two", "pw", OPEN, "192.0.2.9");
        register("three", "pw", OPEN, "192.0.2.9");
        assertCondition(() -> register("four", "pw", OPEN, "192.0.2.9"), "resource-constraint");
        assertThat(server.context().accounts().exists(Jids.of("four@open.example").asEntityBareJidOrThrow())).isFalse();
        register("four", "pw", OPEN, "198.51.100.7");
        assertThat(server.context().accounts().exists(Jids.of("four@open.example").asEntityBareJidOrThrow())).isTrue();
    }

    private Element register(String username, String password, DomainBareJid domain, String address) throws StanzaException {
        return handler.handle(Xml.parse("<iq type='set' id='reg2'><query xmlns='jabber:iq:register'><username>" + username
                + "</username><password>" + password + "</password></query></iq>"), domain, address);
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertCondition(Call call, String condition) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StanzaException.class, e -> assertThat(e.condition()).isEqualTo(condition));
    }
}
