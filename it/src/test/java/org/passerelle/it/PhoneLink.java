package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.AdHocCommandResult;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.passerelle.core.stanza.Jids;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.gateway.sms.smpp.SmscSimulator.Submitted;

/** Links a phone as a user does: the ad-hoc command at {@code sms.localhost}, the code read from the SMS the simulator got. */
final class PhoneLink {
    private static final long WAIT = 5000;

    private PhoneLink() {
    }

    /** Links {@code phone} with a forwarding mode ({@code offline}, {@code away}, {@code off}); returns the code SMS. */
    static Submitted link(XMPPTCPConnection user, SmscSimulator smsc, String phone, String forwarding) throws Exception {
        AdHocCommand command = AdHocCommandManager.getAddHocCommandsManager(user)
                .getRemoteCommand(Jids.of("sms.localhost"), "urn:passerelle:sms:link");
        FillableForm form = command.execute().asExecutingOrThrow().getFillableForm();
        form.setAnswer("phone", phone);
        form.setAnswer("forwarding", forwarding);
        AdHocCommandResult asked = command.next(form.getSubmitForm());
        Submitted sms = smsc.next(WAIT);
        assertThat(sms).as("the code SMS").isNotNull();
        assertThat(sms.destination()).isEqualTo(phone.substring(1));
        Matcher code = Pattern.compile("(\\d{6})$").matcher(sms.text());
        assertThat(code.find()).as("a code in " + sms.text()).isTrue();
        FillableForm confirm = asked.asExecutingOrThrow().getFillableForm();
        confirm.setAnswer("code", code.group(1));
        AdHocCommandResult done = command.complete(confirm.getSubmitForm());
        assertThat(done.getResponse().getNotes()).extracting(AdHocCommandNote::getValue).anyMatch(v -> v.startsWith("Linked " + phone));
        return sms;
    }
}
