package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.SmsLink;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.testing.TestServer;
import org.passerelle.gateway.sms.smpp.SmscRoutes;
import org.passerelle.modules.adhoc.CommandRequest;
import org.passerelle.modules.adhoc.Step;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;

/** The link command's stages, with no SMSC: the code is read from the outbox, where it waits. */
class LinkCommandTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    private final TestServer server = new TestServer();
    private final ServerContext ctx = server.context();
    private final SmsOptions options = new SmsOptions(false, null, "555", null, null, null, null, null, null, null, null, null);
    private final Outbox outbox = new Outbox(ctx.stores().sms(), new SmscRoutes(List.of()), ctx.charging(), ctx.clock(), ctx.workers(),
            ctx.scheduler(), options);
    private final Gateway gateway = new Gateway(ctx, outbox, options);

    @AfterEach
    void close() {
        outbox.close();
        server.close();
    }

    private static DataForm number(String phone, String mode) {
        return DataForm.submit(LinkCommand.FORM_TYPE, Field.textSingle("phone", null).withValue(phone),
                Field.textSingle("forwarding", null).withValue(mode));
    }

    private static DataForm code(String code) {
        return DataForm.submit(LinkCommand.FORM_TYPE, Field.textSingle("code", null).withValue(code));
    }

    private static Step run(LinkCommand command, EntityBareJid user, DataForm... forms) throws Exception {
        return command.execute(new CommandRequest(Jids.of(user + "/app"), user.asDomainBareJid(), List.of(forms)));
    }

    private static String note(Step step) {
        return ((Step.Completed) step).notes().getFirst().type() + ": " + ((Step.Completed) step).notes().getFirst().text();
    }

    /** The code in the last SMS queued for a number. */
    private String codeSentTo(String phone) {
        List<SmsOutgoing> queued = new ArrayList<>(ctx.stores().sms().due(ctx.clock().instant().plusSeconds(1), 100));
        queued.removeIf(s -> !s.phone().equals(phone));
        assertThat(queued).isNotEmpty();
        String text = queued.getLast().text();
        return text.substring(text.length() - 6);
    }

    @Test
    void theRightCodeLinksAfterAWrongOne() throws Exception {
        LinkCommand command = new LinkCommand(gateway, new PhoneLinking(gateway, Duration.ofMinutes(10)));
        assertThat(run(command, ALICE)).isInstanceOf(Step.Executing.class);
        DataForm asked = number("+33 6 00 00 00 07", "away");
        Step sent = run(command, ALICE, asked);
        assertThat(((Step.Executing) sent).last()).isTrue();
        String code = codeSentTo("+33600000007");
        String wrong = code.equals("000000") ? "000001" : "000000";
        Step again = run(command, ALICE, asked, code(wrong));
        assertThat(again).as("asked again").isInstanceOf(Step.Executing.class);
        assertThat(ctx.stores().sms().linkOf(ALICE)).isEmpty();
        assertThat(note(run(command, ALICE, asked, code(wrong), code(code)))).startsWith("info: Linked +33600000007");
        assertThat(ctx.stores().sms().linkOf(ALICE)).hasValue(new SmsLink(ALICE, "+33600000007", "away"));
    }

    @Test
    void threeWrongCodesOrAnExpiredCodeEndTheAttempt() throws Exception {
        LinkCommand command = new LinkCommand(gateway, new PhoneLinking(gateway, Duration.ofMinutes(10)));
        DataForm asked = number("+33600000008", "offline");
        run(command, ALICE, asked);
        String wrong = codeSentTo("+33600000008").equals("999999") ? "999998" : "999999";
        run(command, ALICE, asked, code(wrong));
        run(command, ALICE, asked, code(wrong), code(wrong));
        assertThat(note(run(command, ALICE, asked, code(wrong), code(wrong), code(wrong)))).contains("too many tries");
        assertThat(note(run(command, ALICE, asked, code(codeSentTo("+33600000008"))))).contains("expired");

        LinkCommand instant = new LinkCommand(gateway, new PhoneLinking(gateway, Duration.ofSeconds(-1)));
        run(instant, ALICE, asked);
        assertThat(note(run(instant, ALICE, asked, code(codeSentTo("+33600000008"))))).contains("expired");
        assertThat(ctx.stores().sms().linkOf(ALICE)).isEmpty();
    }

    @Test
    void takenInvalidSameAndEmptyNumbers() throws Exception {
        LinkCommand command = new LinkCommand(gateway, new PhoneLinking(gateway, Duration.ofMinutes(10)));
        EntityBareJid bob = Jids.of("bob@localhost").asEntityBareJidOrThrow();
        ctx.stores().sms().link(new SmsLink(bob, "+33600000009", "offline"));
        assertThat(note(run(command, ALICE, number("+33600000009", "offline")))).contains("another account");
        assertThat(note(run(command, ALICE, number("0600000009", "offline")))).startsWith("error: Not an international number");

        assertThat(note(run(command, bob, number("+33600000009", "away")))).isEqualTo("info: SMS forwarding: away.");
        assertThat(ctx.stores().sms().due(ctx.clock().instant().plusSeconds(1), 100)).as("no code for the same number").isEmpty();
        assertThat(note(run(command, bob, number("", "away")))).isEqualTo("info: Unlinked +33600000009.");
        assertThat(ctx.stores().sms().linkOf(bob)).isEmpty();
    }
}
