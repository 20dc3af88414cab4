package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqregister.packet.Registration;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.gateway.sms.smpp.SmscSimulator.Submitted;

/**
 * What a gateway-aware client does with {@code sms.localhost} (XEP-0100): finds the gateway in
 * disco, links a phone by in-band registration (the code comes by SMS, the form goes back with
 * it), gets a message forwarded by SMS, translates a typed number into a JID, and unregisters.
 */
class SmsRegistrationIT {
    private static final long WAIT = 5000;
    private static final Jid GATEWAY = Jids.of("sms.localhost");
    private static SmscSimulator smsc;
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        smsc = SmscSetup.simulator();
        server = ItServer.start("modules:\n" + SmscSetup.sms(smsc));
        smsc.awaitBound(WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        smsc.close();
    }

    private static String form(String phone, String code) {
        String fields = "<field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>"
                + "<field var='phone'><value>" + phone + "</value></field>"
                + "<field var='forwarding'><value>offline</value></field>"
                + (code == null ? "" : "<field var='code'><value>" + code + "</value></field>");
        return "<x xmlns='jabber:x:data' type='submit'>" + fields + "</x>";
    }

    @Test
    void aPhoneLinkedByRegistrationGetsMessagesBySms() throws Exception {
        server.user("romeo", "r-pw");
        server.user("juliet", "j-pw");
        XMPPTCPConnection romeo = server.connect("romeo", "r-pw", "gajim");
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(romeo).discoverInfo(GATEWAY);
        assertThat(info.hasIdentity("gateway", "sms")).isTrue();
        assertThat(info.containsFeature("jabber:iq:register")).isTrue();
        assertThat(info.containsFeature("jabber:iq:gateway")).isTrue();

        IQ fields = RawIq.send(romeo, IQ.Type.get, GATEWAY, "query", "jabber:iq:register", "");
        assertThat(fields).isInstanceOf(Registration.class);
        assertThat(((Registration) fields).getInstructions()).contains("a code will be sent");
        DataForm asked = fields.getExtension(DataForm.class);
        assertThat(asked.getField("phone")).isNotNull();
        assertThat(asked.getField("code")).isNotNull();
        assertThat(fields.toXML().toString()).doesNotContain("<registered");

        XMPPErrorException sent = catchThrowableOfType(XMPPErrorException.class,
                () -> RawIq.send(romeo, IQ.Type.set, GATEWAY, "query", "jabber:iq:register", form("+33 6 77 77 77 77", null)));
        assertThat(sent.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(sent.getStanzaError().getDescriptiveText()).startsWith("A code was sent by SMS to +33677777777");
        Submitted sms = smsc.next(WAIT);
        assertThat(sms.destination()).isEqualTo("33677777777");
        Matcher code = Pattern.compile("(\\d{6})$").matcher(sms.text());
        assertThat(code.find()).as(sms.text()).isTrue();
        assertThat(RawIq.send(romeo, IQ.Type.set, GATEWAY, "query", "jabber:iq:register", form("+33677777777", code.group(1))).getType())
                .isEqualTo(IQ.Type.result);
        IQ registered = RawIq.send(romeo, IQ.Type.get, GATEWAY, "query", "jabber:iq:register", "");
        assertThat(registered.toXML().toString()).contains("<registered");

        IQ jid = RawIq.send(romeo, IQ.Type.set, GATEWAY, "query", "jabber:iq:gateway", "<prompt>+44 7700 900123</prompt>");
        assertThat(jid).as("Smack has no jabber:iq:gateway provider").isInstanceOf(UnparsedIQ.class);
        assertThat(((UnparsedIQ) jid).getContent().toString()).contains("<jid>+447700900123@sms.localhost</jid>");
        XMPPErrorException notANumber = catchThrowableOfType(XMPPErrorException.class,
                () -> RawIq.send(romeo, IQ.Type.set, GATEWAY, "query", "jabber:iq:gateway", "<prompt>nurse</prompt>"));
        assertThat(notANumber.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        romeo.disconnect();

        XMPPTCPConnection juliet = server.connect("juliet", "j-pw", "balcony");
        juliet.sendStanza(juliet.getStanzaFactory().buildMessageStanza().to(Jids.of("romeo@localhost")).ofType(Message.Type.chat)
                .setBody("Wherefore art thou").build());
        assertThat(smsc.next(WAIT).text()).isEqualTo("[1] juliet@localhost: Wherefore art thou");
        juliet.disconnect();

        XMPPTCPConnection back = server.connect("romeo", "r-pw", "gajim");
        assertThat(RawIq.send(back, IQ.Type.set, GATEWAY, "query", "jabber:iq:register", "<remove/>").getType()).isEqualTo(IQ.Type.result);
        back.disconnect();
        XMPPTCPConnection again = server.connect("juliet", "j-pw", "balcony");
        again.sendStanza(again.getStanzaFactory().buildMessageStanza().to(Jids.of("romeo@localhost")).ofType(Message.Type.chat)
                .setBody("unlinked now").build());
        smsc.assertNothing(700);
        again.disconnect();
    }
}
