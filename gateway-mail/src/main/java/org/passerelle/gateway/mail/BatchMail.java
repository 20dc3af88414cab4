package org.passerelle.gateway.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.passerelle.core.store.PendingMail;

/**
 * The text of one forwarding mail: the messages grouped by sender in the order they first wrote,
 * each with its time (UTC) and text, and under each sender the address that answers them. The
 * Reply-To is the conversation of the last message, so "Reply" answers whoever wrote last.
 */
final class BatchMail {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private BatchMail() {
    }

    /**
     * @param replyAddress the reply address of a sender, or null when replies are off
     */
    static MailSender.OutgoingMail compose(String to, String domain, List<PendingMail> messages,
                                           Function<String, String> replyAddress) {
        Map<String, List<PendingMail>> bySender = new LinkedHashMap<>();
        for (PendingMail m : messages) bySender.computeIfAbsent(m.sender(), k -> new ArrayList<>()).add(m);
        Map<String, String> replies = new LinkedHashMap<>();
        if (replyAddress != null) for (String sender : bySender.keySet()) replies.put(sender, replyAddress.apply(sender));

        StringBuilder text = new StringBuilder();
        text.append(messages.size() == 1 ? "You received a message" : "You received " + messages.size() + " messages")
                .append(" on ").append(domain).append(" while you were offline.\n");
        for (Map.Entry<String, List<PendingMail>> e : bySender.entrySet()) {
            text.append("\n").append("From ").append(e.getKey()).append(":\n");
            for (PendingMail m : e.getValue()) {
                text.append("[").append(TIME.format(m.at())).append("]\n");
                for (String line : m.body().split("\r?\n", -1)) text.append("  ").append(line).append("\n");
            }
            String reply = replies.get(e.getKey());
            if (reply != null) text.append("To answer ").append(e.getKey()).append(", write to ").append(reply).append("\n");
        }
        text.append("\n-- \nForwarded by ").append(domain)
                .append(replyAddress == null ? ". Replies to this mail are not delivered." : ". Your reply is sent as a chat message; quoted text is left out.")
                .append("\n");
        String subject = bySender.size() == 1
                ? (messages.size() == 1 ? "New message from " : messages.size() + " new messages from ") + bySender.keySet().iterator().next()
                : messages.size() + " new messages from " + bySender.size() + " contacts";
        String replyTo = replyAddress == null ? null : replies.get(messages.getLast().sender());
        return new MailSender.OutgoingMail(to, subject, text.toString(), replyTo);
    }
}
