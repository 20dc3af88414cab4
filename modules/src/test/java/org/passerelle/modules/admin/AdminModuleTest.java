package org.passerelle.modules.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.module.DiscoNodes;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.adhoc.AdhocModule;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

class AdminModuleTest {
    private static final String ADMIN = "http://jabber.org/protocol/admin#";
    private static final DomainBareJid LOCALHOST = Jids.of("localhost").asDomainBareJid();

    private final TestServer server = new TestServer("domains: [{name: localhost}, {name: other.example}]",
            new AdhocModule(), new AdminModule());
    private final TestSession admin = server.login("admin@localhost/console");

    AdminModuleTest() {
        server.context().accounts().setAdmin(admin.bareJid(), true);
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void onlyAdminsOfTheDomainSeeAndRunTheCommands() throws Exception {
        DiscoNodes nodes = server.context().features().discoNodes();
        Element items = nodes.items(AdhocModule.NS, admin.jid(), LOCALHOST);
        assertThat(items.children("item", Namespaces.DISCO_ITEMS)).extracting(i -> i.attr("node")).containsExactlyInAnyOrder(
                ADMIN + "add-user", ADMIN + "delete-user", ADMIN + "disable-user", ADMIN + "reenable-user",
                ADMIN + "change-user-password", ADMIN + "get-online-users-num", ADMIN + "get-online-users-list",
                ADMIN + "get-registered-users-num", ADMIN + "announce");

        TestSession user = server.login("user@localhost/pc");
        assertThat(nodes.items(AdhocModule.NS, user.jid(), LOCALHOST).elements()).isEmpty();
        assertThatThrownBy(() -> nodes.info(ADMIN + "add-user", user.jid(), LOCALHOST))
                .isInstanceOfSatisfying(StanzaException.class, e -> assertThat(e.condition()).isEqualTo("forbidden"));
        server.send(user, "<iq type='set' id='x' to='localhost'><command xmlns='" + AdhocModule.NS + "' node='" + ADMIN + "add-user'/></iq>");
        assertError(user.next(), "forbidden");

        // An admin of localhost is not an admin of other.example.
        assertThat(nodes.items(AdhocModule.NS, admin.jid(), Jids.of("other.example").asDomainBareJid()).elements()).isEmpty();
        assertThat(nodes.info(ADMIN + "add-user", admin.jid(), LOCALHOST).child("identity", Namespaces.DISCO_INFO).attr("name"))
                .isEqualTo("Add User");
    }

    @Test
    void addsUsers() {
        Element form = DataForm.find(start("add-user")).toElement();
        assertThat(form.children("field", DataForm.NS)).extracting(f -> f.attr("var"))
                .containsExactly("FORM_TYPE", "accountjid", "password", "password-verify");

        assertCompleted(run("add-user", field("accountjid", "juliet@localhost"), field("password", "R0m30"), field("password-verify", "R0m30")));
        assertThat(server.context().accounts().verify(jid("juliet@localhost"), "R0m30")).isTrue();

        assertError(run("add-user", field("accountjid", "juliet@localhost"), field("password", "other")), "conflict");
        assertError(run("add-user", field("accountjid", "romeo@localhost"), field("password", "a"), field("password-verify", "b")), "bad-request");
        assertError(run("add-user", field("accountjid", "romeo@other.example"), field("password", "a")), "forbidden");
        assertThat(server.context().accounts().exists(jid("romeo@localhost"))).isFalse();
        assertThat(server.context().accounts().exists(jid("romeo@other.example"))).isFalse();
    }

    @Test
    void deletesUsersAndEndsTheirSessions() {
        TestSession juliet = server.login("juliet@localhost/balcony");
        server.login("romeo@localhost/garden");
        assertError(run("delete-user", field("accountjids", "juliet@localhost", "nobody@localhost")), "item-not-found");
        assertThat(server.context().accounts().exists(juliet.bareJid())).isTrue();

        assertCompleted(run("delete-user", field("accountjids", "juliet@localhost", "romeo@localhost")));
        assertThat(server.context().accounts().exists(juliet.bareJid())).isFalse();
        assertThat(server.context().accounts().exists(jid("romeo@localhost"))).isFalse();
        assertThat(juliet.closedWith()).isEqualTo("not-authorized");
    }

    @Test
    void disablesAndReenablesUsers() {
        TestSession juliet = server.login("juliet@localhost/balcony");
        assertCompleted(run("disable-user", field("accountjids", "juliet@localhost")));
        assertThat(juliet.closedWith()).isEqualTo("not-authorized");
        assertThat(server.context().accounts().verify(juliet.bareJid(), "secret")).isFalse();
        assertThat(server.context().accounts().exists(juliet.bareJid())).isTrue();

        assertCompleted(run("reenable-user", field("accountjids", "juliet@localhost")));
        assertThat(server.context().accounts().verify(juliet.bareJid(), "secret")).isTrue();
    }

    @Test
    void changesAUsersPassword() {
        server.login("juliet@localhost/balcony");
        assertCompleted(run("change-user-password", field("accountjid", "juliet@localhost"), field("password", "V3r0n4")));
        assertThat(server.context().accounts().verify(jid("juliet@localhost"), "V3r0n4")).isTrue();
        assertError(run("change-user-password", field("accountjid", "nobody@localhost"), field("password", "x")), "item-not-found");
        assertError(run("change-user-password", field("accountjid", "juliet@localhost")), "bad-request");
        assertThat(server.context().accounts().verify(jid("juliet@localhost"), "V3r0n4")).isTrue();
    }

    @Test
    void countsAndListsUsersOfTheDomain() {
        server.login("juliet@localhost/balcony");
        server.login("juliet@localhost/phone");
        TestSession romeo = server.login("romeo@localhost/garden");
        server.login("bob@other.example/pc");
        server.context().accounts().create(jid("offline@localhost"), "pw", false);
        server.logout(romeo);

        Element online = start("get-online-users-num");
        assertThat(online.attr("status")).isEqualTo("completed");
        assertThat(DataForm.find(online).value("onlineusersnum")).isEqualTo("2");

        Element registered = start("get-registered-users-num");
        assertThat(DataForm.find(registered).value("registeredusersnum")).isEqualTo("4");

        Element list = assertCompleted(run("get-online-users-list", field("max_items", "none")));
        assertThat(DataForm.find(list).values("onlineuserjids")).containsExactly("admin@localhost", "juliet@localhost");
        list = assertCompleted(run("get-online-users-list", field("max_items", "1")));
        assertThat(DataForm.find(list).values("onlineuserjids")).containsExactly("admin@localhost");
    }

    @Test
    void announcesToEverySessionOfTheDomain() throws Exception {
        TestSession juliet = server.login("juliet@localhost/balcony");
        TestSession bob = server.login("bob@other.example/pc");
        // The admin is online too: its own copy comes before the command's answer.
        assertThat(run("announce", field("announcement", "Going down", "in 2 minutes")).type()).isEqualTo("headline");
        assertCompleted(admin.next());

        Stanza got = juliet.next();
        assertThat(got.from().toString()).isEqualTo("localhost");
        assertThat(got.type()).isEqualTo("headline");
        assertThat(got.element().childText("body", Namespaces.CLIENT)).isEqualTo("Going down\nin 2 minutes");
        bob.assertNothingMore();
        assertError(run("announce", field("announcement", " ")), "bad-request");
    }

    /** Starts a command and returns its first {@code <command/>} answer. */
    private Element start(String action) {
        server.send(admin, "<iq type='set' id='s' to='localhost'><command xmlns='" + AdhocModule.NS + "' node='" + ADMIN + action + "'/></iq>");
        Stanza reply = admin.next();
        assertThat(reply.type()).as(reply.toString()).isEqualTo("result");
        return reply.element().child("command", AdhocModule.NS);
    }

    /** Starts a command and submits its form with these fields; returns the answer to the submission. */
    private Stanza run(String action, String... fields) {
        String sid = start(action).attr("sessionid");
        server.send(admin, "<iq type='set' id='r' to='localhost'><command xmlns='" + AdhocModule.NS + "' node='" + ADMIN + action
                + "' sessionid='" + sid + "'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/admin</value></field>" + String.join("", fields) + "</x></command></iq>");
        return admin.next();
    }

    private static String field(String var, String... values) {
        StringBuilder sb = new StringBuilder("<field var='" + var + "'>");
        for (String v : values) sb.append("<value>").append(v).append("</value>");
        return sb.append("</field>").toString();
    }

    private static EntityBareJid jid(String s) {
        return Jids.of(s).asEntityBareJidOrThrow();
    }

    private static Element assertCompleted(Stanza reply) {
        assertThat(reply.type()).as(reply.toString()).isEqualTo("result");
        Element command = reply.element().child("command", AdhocModule.NS);
        assertThat(command.attr("status")).isEqualTo("completed");
        assertThat(command.children("note", AdhocModule.NS)).noneMatch(n -> "error".equals(n.attr("type")));
        return command;
    }

    private static void assertError(Stanza reply, String condition) {
        assertThat(reply.type()).as(reply.toString()).isEqualTo("error");
        assertThat(reply.element().child("error", Namespaces.CLIENT).child(condition, Namespaces.STANZA_ERRORS)).as(reply.toString()).isNotNull();
    }

}
