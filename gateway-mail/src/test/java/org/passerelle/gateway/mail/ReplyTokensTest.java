package org.passerelle.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.testing.MemoryStores;

class ReplyTokensTest {
    private static final EntityBareJid ALICE = Jids.of("alice@example.org").asEntityBareJidOrThrow();
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private final MailStore store = new MemoryStores().mail();

    private ReplyTokens tokens(Instant now) {
        return new ReplyTokens(store, Clock.fixed(now, ZoneOffset.UTC), "Mail.Example.org", Duration.ofDays(30));
    }

    @Test
    void oneUnguessableTokenPerConversationReusedWhileLive() {
        String toBob = tokens(T0).addressFor(ALICE, "bob@example.org");
        String toCarol = tokens(T0).addressFor(ALICE, "carol@example.org");
        assertThat(toBob).matches("reply\\+[0-9a-f]{40}@mail\\.example\\.org");
        assertThat(toCarol).isNotEqualTo(toBob);
        assertThat(tokens(T0.plus(Duration.ofDays(29))).addressFor(ALICE, "bob@example.org")).as("reused").isEqualTo(toBob);
        // Reuse moved the expiry: 29 + 30 days.
        assertThat(tokens(T0.plus(Duration.ofDays(58))).resolve(toBob)).isPresent();
        var resolved = tokens(T0).resolve(toBob).orElseThrow();
        assertThat(resolved.user().toString()).isEqualTo("alice@example.org");
        assertThat(resolved.peer()).isEqualTo("bob@example.org");
    }

    @Test
    void keysOfRoutedRepliesAreDeletedWhenOlderThanATokenLives() {
        store.replyRouted(ALICE, "old", T0);
        store.replyRouted(ALICE, "recent", T0.plus(Duration.ofDays(1)));
        tokens(T0.plus(Duration.ofDays(30))).deleteExpired();
        assertThat(store.replySeen("old")).isFalse();
        assertThat(store.replySeen("recent")).isTrue();
    }

    @Test
    void expiredUnknownAndForeignAddressesResolveToNothing() {
        String address = tokens(T0).addressFor(ALICE, "bob@example.org");
        assertThat(tokens(T0.plus(Duration.ofDays(30))).resolve(address)).as("expired").isEmpty();
        assertThat(tokens(T0.plus(Duration.ofDays(31))).addressFor(ALICE, "bob@example.org")).as("a new one after expiry")
                .isNotEqualTo(address);

        String live = tokens(T0).addressFor(ALICE, "dave@example.org");
        String token = live.substring(6, 46);
        String forged = "reply+" + (token.charAt(0) == 'a' ? 'b' : 'a') + token.substring(1) + "@mail.example.org";
        assertThat(tokens(T0).resolve(forged)).as("one character changed").isEmpty();
        assertThat(tokens(T0).resolve("<" + live.toUpperCase() + ">")).as("case and brackets do not matter").isPresent();
        assertThat(tokens(T0).resolve(live.replace("mail.example.org", "other.example.org"))).isEmpty();
        assertThat(tokens(T0).resolve("reply+" + token.substring(1) + "@mail.example.org")).as("short").isEmpty();
        assertThat(tokens(T0).resolve("alice@mail.example.org")).isEmpty();
        assertThat(tokens(T0).resolve("reply+zz" + token.substring(2) + "@mail.example.org")).isEmpty();
    }

    @Test
    void expiredTokensAreDeleted() {
        String address = tokens(T0).addressFor(ALICE, "bob@example.org");
        tokens(T0.plus(Duration.ofDays(31))).deleteExpired();
        assertThat(store.token(address.substring(6, 46))).isEmpty();
    }
}
