package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.AdHocCommandResult;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.impl.JidCreate;

/**
 * GreenMail as the server's SMTP relay and one user's mailbox (read over IMAP), and a mail
 * client writing to the server's reply receiver.
 */
final class Mailbox implements AutoCloseable {
    static final String NODE = "urn:passerelle:mail:forward";

    /** A mail as the user's client shows it. */
    record Mail(String subject, String text, String replyTo) {
    }

    private final GreenMail mail;
    private final String address;
    private final String login;
    private final String password;

    Mailbox(String address, String login, String password) {
        this.address = address;
        this.login = login;
        this.password = password;
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort(),
                new ServerSetup(0, "127.0.0.1", "imap").dynamicPort()});
        mail.start();
        mail.setUser(address, login, password);
    }

    String address() {
        return address;
    }

    int smtpPort() {
        return mail.getSmtp().getPort();
    }

    /** The mails in the INBOX over IMAP, oldest first. */
    List<Mail> mails() throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", mail.getImap().getPort(), login, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> out = new ArrayList<>();
            for (jakarta.mail.Message msg : inbox.getMessages()) {
                Address[] replyTo = msg.getReplyTo();
                String r = replyTo == null || replyTo.length == 0 ? null : ((InternetAddress) replyTo[0]).getAddress();
                out.add(new Mail(msg.getSubject(), msg.getContent().toString().replace("\r", ""), r));
            }
            inbox.close(false);
            return out;
        }
    }

    /** Waits (10 s at most) until the INBOX holds at least {@code count} mails; returns them. */
    List<Mail> await(int count) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<Mail> mails = mails();
            if (mails.size() >= count) return mails;
            if (System.currentTimeMillis() > deadline) throw new AssertionError("expected " + count + " mails, got " + mails.size());
            Thread.sleep(200);
        }
    }

    /** Opts the user in to forwarding to this mailbox with the ad-hoc command: address, code from the mailbox, confirmation. */
    void optIn(XMPPTCPConnection user) throws Exception {
        AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(user);
        var domain = JidCreate.domainBareFrom("localhost");
        assertThat(commands.discoverCommands(domain).getItems()).extracting(DiscoverItems.Item::getNode).contains(NODE);
        AdHocCommand command = commands.getRemoteCommand(domain, NODE);
        FillableForm choice = command.execute().asExecutingOrThrow().getFillableForm();
        choice.setAnswer("action", "address");
        choice.setAnswer("address", address);
        int before = mails().size();
        FillableForm codeForm = command.next(choice.getSubmitForm()).asExecutingOrThrow().getFillableForm();

        Mail codeMail = await(before + 1).get(before);
        Matcher m = Pattern.compile("\\n {4}([A-Z2-9]{8})\\n").matcher(codeMail.text());
        assertThat(m.find()).as(codeMail.text()).isTrue();
        codeForm.setAnswer("code", m.group(1));
        AdHocCommandResult done = command.complete(codeForm.getSubmitForm());
        assertThat(done.getResponse().getStatus()).isEqualTo(AdHocCommandData.Status.completed);
        assertThat(done.getResponse().getNotes()).extracting(AdHocCommandNote::getValue).anyMatch(v -> v.contains(address));
    }

    /** A mail client writing straight to the reply receiver on {@code port}: 250, or the SMTP code of the refusal. */
    static int sendReply(int port, String from, String to, String text) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.from", from);
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(RecipientType.TO, new InternetAddress(to));
        m.setSubject("Re: your messages");
        m.setText(text, "UTF-8");
        try {
            Transport.send(m);
            return 250;
        } catch (MessagingException e) {
            for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
                if (x instanceof SMTPAddressFailedException a) return a.getReturnCode();
                if (x instanceof SMTPSendFailedException s) return s.getReturnCode();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
