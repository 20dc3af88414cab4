package org.passerelle.gateway.sms.commands;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a linked phone asks in a mobile-originated SMS. {@link #parse} never fails: the unknown gets {@link Help}. */
public sealed interface PhoneCommand {
    /** {@code 1 Hello}: a message to the user's contact number 1. */
    record Reply(int contact, String text) implements PhoneCommand {
    }

    /** {@code @bob@example.org Hello}: a message to anyone. */
    record Write(String jid, String text) implements PhoneCommand {
    }

    /** {@code ?} or {@code STATUS}: the numbered contacts and their presence. */
    record Status() implements PhoneCommand {
    }

    /** {@code ADD bob@example.org}: a contact, with a subscription request. */
    record Add(String jid) implements PhoneCommand {
    }

    /** {@code DEL 2}: forget contact 2 and remove it from the roster. */
    record Del(int contact) implements PhoneCommand {
    }

    /** {@code ON}: appear available "on mobile". */
    record On() implements PhoneCommand {
    }

    /** {@code OFF}: appear offline. */
    record Off() implements PhoneCommand {
    }

    /** {@code STOP}: no more forwarding to this phone. */
    record Stop() implements PhoneCommand {
    }

    /** {@code HELP}, or anything not understood ({@code unknown} true). */
    record Help(boolean unknown) implements PhoneCommand {
    }

    Pattern REPLY = Pattern.compile("(\\d{1,4})\\s+(\\S.*)", Pattern.DOTALL);
    Pattern WRITE = Pattern.compile("@(\\S+)\\s+(\\S.*)", Pattern.DOTALL);
    Pattern KEYWORD = Pattern.compile("([A-Za-z]+|\\?)(?:\\s+(.*))?", Pattern.DOTALL);

    static PhoneCommand parse(String sms) {
        String text = sms.strip();
        Matcher m = REPLY.matcher(text);
        if (m.matches()) return new Reply(Integer.parseInt(m.group(1)), m.group(2).strip());
        m = WRITE.matcher(text);
        if (m.matches()) return new Write(m.group(1), m.group(2).strip());
        m = KEYWORD.matcher(text);
        if (!m.matches()) return new Help(true);
        String arg = m.group(2) == null ? "" : m.group(2).strip();
        return switch (m.group(1).toUpperCase(Locale.ROOT)) {
            case "?", "STATUS" -> arg.isEmpty() ? new Status() : new Help(true);
            case "ADD" -> arg.isEmpty() || arg.contains(" ") ? new Help(true) : new Add(arg);
            case "DEL" -> arg.matches("\\d{1,4}") ? new Del(Integer.parseInt(arg)) : new Help(true);
            case "ON" -> arg.isEmpty() ? new On() : new Help(true);
            case "OFF" -> arg.isEmpty() ? new Off() : new Help(true);
            case "STOP" -> arg.isEmpty() ? new Stop() : new Help(true);
            case "HELP" -> new Help(false);
            default -> new Help(true);
        };
    }

    String HELP_TEXT = "Commands: <n> text = reply to contact n; @jid text = write to anyone; ? = contacts; "
            + "ADD jid; DEL n; ON / OFF = appear online on mobile; STOP = no more SMS; HELP";
}
