package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.AdHocCommandResult;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

/** XEP-0133 through Smack's AdHocCommandManager: an admin adds a user who then logs in; others may not. */
class AdminIT {
    private static final String ADD_USER = "http://jabber.org/protocol/admin#add-user";
    private static ItServer server;
    private static DomainBareJid domain;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
        server.server().context().accounts().create(Jids.of("root@localhost").asEntityBareJidIfPossible(), "r00t", true);
        server.user("mallory", "m-pw");
        domain = JidCreate.domainBareFrom("localhost");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void anAdminAddsAUserWhoCanThenLogIn() throws Exception {
        XMPPTCPConnection admin = server.connect("root", "r00t", "console");
        AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(admin);
        DiscoverItems listed = commands.discoverCommands(domain);
        assertThat(listed.getItems()).extracting(DiscoverItems.Item::getNode).contains(ADD_USER,
                "http://jabber.org/protocol/admin#delete-user", "http://jabber.org/protocol/admin#change-user-password");

        AdHocCommand add = commands.getRemoteCommand(domain, ADD_USER);
        AdHocCommandResult started = add.execute();
        assertThat(started.getResponse().getStatus()).isEqualTo(AdHocCommandData.Status.executing);
        assertThat(started.getResponse().getForm().getFields()).extracting(FormField::getFieldName)
                .contains("FORM_TYPE", "accountjid", "password", "password-verify");
        FillableForm form = started.asExecutingOrThrow().getFillableForm();
        form.setAnswer("accountjid", "newbie@localhost");
        form.setAnswer("password", "fresh-pw");
        form.setAnswer("password-verify", "fresh-pw");
        AdHocCommandResult done = add.complete(form.getSubmitForm());
        assertThat(done.getResponse().getStatus()).isEqualTo(AdHocCommandData.Status.completed);
        assertThat(done.getResponse().getNotes()).extracting(AdHocCommandNote::getValue).anyMatch(v -> v.contains("newbie@localhost"));

        XMPPTCPConnection newbie = server.connect("newbie", "fresh-pw", "first-login");
        assertThat(newbie.isAuthenticated()).isTrue();
        newbie.disconnect();

        AdHocCommand again = commands.getRemoteCommand(domain, ADD_USER);
        FillableForm twice = again.execute().asExecutingOrThrow().getFillableForm();
        twice.setAnswer("accountjid", "newbie@localhost");
        twice.setAnswer("password", "other");
        twice.setAnswer("password-verify", "other");
        assertThatThrownBy(() -> again.complete(twice.getSubmitForm())).isInstanceOfSatisfying(XMPPErrorException.class,
                e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.conflict));
        admin.disconnect();
    }

    @Test
    void aUserWhoIsNotAnAdminSeesNoAdminCommandsAndIsRefused() throws Exception {
        XMPPTCPConnection user = server.connect("mallory", "m-pw", "sneaky");
        AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(user);
        assertThat(commands.discoverCommands(domain).getItems()).extracting(DiscoverItems.Item::getNode)
                .noneMatch(node -> node.startsWith("http://jabber.org/protocol/admin#"));
        AdHocCommand add = commands.getRemoteCommand(domain, ADD_USER);
        assertThatThrownBy(add::execute).isInstanceOfSatisfying(XMPPErrorException.class,
                e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
        user.disconnect();
        assertThat(server.server().context().accounts().exists(Jids.of("newbie2@localhost").asEntityBareJidIfPossible())).isFalse();
    }
}
