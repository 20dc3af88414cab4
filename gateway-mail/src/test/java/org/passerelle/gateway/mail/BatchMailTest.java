package org.passerelle.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.PendingMail;

class BatchMailTest {
    private static final EntityBareJid ALICE = Jids.of("alice@example.org").asEntityBareJidOrThrow();
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private static PendingMail m(long id, String sender, int second, String body) {
        return new PendingMail(id, ALICE, T0.plusSeconds(second), sender, body);
    }

    @Test
    void messagesAreGroupedBySenderWithTimesAndReplyAddresses() {
        List<PendingMail> batch = List.of(m(1, "bob@example.org", 0, "hi"), m(2, "carol@example.org", 5, "line 1\nline 2"),
                m(3, "bob@example.org", 61, "are you there?"));
        var mail = BatchMail.compose("alice@mail.example", "example.org", batch, peer -> "reply+" + peer.charAt(0) + "@m.example.org");
        assertThat(mail.to()).isEqualTo("alice@mail.example");
        assertThat(mail.subject()).isEqualTo("3 new messages from 2 contacts");
        assertThat(mail.replyTo()).as("whoever wrote last").isEqualTo("reply+b@m.example.org");
        assertThat(mail.text()).startsWith("You received 3 messages on example.org while you were offline.\n")
                .contains("""
                        From bob@example.org:
                        [2026-11-26 08:00:00 UTC]
                          hi
                        [2026-11-26 08:01:01 UTC]
                          are you there?
                        To answer bob@example.org, write to reply+b@m.example.org
                        """)
                .contains("""
                        From carol@example.org:
                        [2026-11-26 08:00:05 UTC]
                          line 1
                          line 2
                        To answer carol@example.org, write to reply+c@m.example.org
                        """);
        assertThat(mail.text().indexOf("From bob")).isLessThan(mail.text().indexOf("From carol"));
    }

    @Test
    void withoutRepliesThereIsNoReplyToAndTheMailSaysSo() {
        var mail = BatchMail.compose("a@mail.example", "example.org", List.of(m(1, "bob@example.org", 0, "hi")), null);
        assertThat(mail.subject()).isEqualTo("New message from bob@example.org");
        assertThat(mail.replyTo()).isNull();
        assertThat(mail.text()).contains("You received a message").contains("Replies to this mail are not delivered")
                .doesNotContain("reply+");
    }
}
