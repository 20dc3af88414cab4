package org.passerelle.modules.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

/** XEP-0191 §6 JID matching. */
class BlockListTest {
    private static boolean matches(String item, String jid) {
        return BlockList.matches(Jids.of(item), Jids.of(jid));
    }

    @Test
    void fullJidMatchesOnlyItself() {
        assertThat(matches("romeo@example.net/orchard", "romeo@example.net/orchard")).isTrue();
        assertThat(matches("romeo@example.net/orchard", "romeo@example.net/garden")).isFalse();
        assertThat(matches("romeo@example.net/orchard", "romeo@example.net")).isFalse();
    }

    @Test
    void bareJidMatchesEveryResource() {
        assertThat(matches("romeo@example.net", "romeo@example.net/orchard")).isTrue();
        assertThat(matches("romeo@example.net", "romeo@example.net")).isTrue();
        assertThat(matches("romeo@example.net", "juliet@example.net")).isFalse();
    }

    @Test
    void domainWithResourceMatchesOnlyItself() {
        assertThat(matches("example.net/bot", "example.net/bot")).isTrue();
        assertThat(matches("example.net/bot", "example.net")).isFalse();
        assertThat(matches("example.net/bot", "romeo@example.net/bot")).isFalse();
    }

    @Test
    void domainMatchesEverythingAtItAndItsSubdomains() {
        assertThat(matches("example.net", "example.net")).isTrue();
        assertThat(matches("example.net", "romeo@example.net/orchard")).isTrue();
        assertThat(matches("example.net", "example.net/bot")).isTrue();
        assertThat(matches("example.net", "room@conference.example.net/nick")).isTrue();
        assertThat(matches("example.net", "badexample.net")).isFalse();
        assertThat(matches("example.net", "example.org")).isFalse();
    }
}
