package org.passerelle.modules.adhoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jxmpp.jid.Jid;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;

class CommandSessionsTest {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final Jid alice = Jids.of("alice@localhost/phone");

    @Test
    void sessionsTimeOut() {
        CommandSessions sessions = new CommandSessions(Duration.ofMinutes(10), 5, clock);
        sessions.put("a", "node", alice, List.of(), false);
        now = now.plus(Duration.ofMinutes(9));
        assertThat(sessions.get("a")).isNotNull();
        now = now.plus(Duration.ofMinutes(2));
        assertThat(sessions.get("a")).isNull();
    }

    @Test
    void aRequesterKeepsAtMostMaxSessionsDroppingTheOldest() {
        CommandSessions sessions = new CommandSessions(Duration.ofMinutes(10), 2, clock);
        sessions.put("a", "node", alice, List.of(), false);
        now = now.plusSeconds(1);
        sessions.put("b", "node", alice, List.of(), false);
        now = now.plusSeconds(1);
        sessions.put("c", "node", Jids.of("bob@localhost/pc"), List.of(), false);
        sessions.put("d", "node", alice, List.of(), false);
        assertThat(sessions.get("a")).isNull();
        assertThat(sessions.get("b")).isNotNull();
        assertThat(sessions.get("c")).isNotNull();
        assertThat(sessions.get("d")).isNotNull();
        // Moving a session on to its next stage does not count it twice.
        sessions.put("d", "node", alice, List.of(), true);
        assertThat(sessions.get("b")).isNotNull();
        assertThat(sessions.size()).isEqualTo(3);
    }
}
