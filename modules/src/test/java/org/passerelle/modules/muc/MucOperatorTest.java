package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.muc.MucFixture.createInstant;
import static org.passerelle.modules.muc.MucFixture.enter;
import static org.passerelle.modules.muc.MucFixture.join;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.passerelle.core.event.RoomDestroyRequest;
import org.passerelle.core.event.RoomListQuery;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;

/** What the operator's admin API asks of the rooms through core events: list them, destroy one. */
class MucOperatorTest {
    @Test
    void roomsAreListedWithTheirOccupantsAndAnOperatorDestroysOne() {
        try (TestServer server = new TestServer(new MucModule())) {
            TestSession alice = server.login("alice@localhost/a");
            TestSession bob = server.login("bob@localhost/b");
            createInstant(server, alice, "tea", "Alice");
            enter(server, bob, "tea", "Bob", 1);
            alice.next(); // Bob's arrival

            RoomListQuery q = new RoomListQuery(new ArrayList<>());
            server.context().events().publish(q);
            assertThat(q.rooms()).extracting(RoomListQuery.Room::jid, RoomListQuery.Room::occupants)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("tea@conference.localhost", 2));

            var tea = Jids.of("tea@conference.localhost").asEntityBareJidOrThrow();
            assertThat(server.context().events().publish(new RoomDestroyRequest(tea, "closing time"))).isTrue();
            var gone = bob.next();
            assertThat(gone.type()).isEqualTo("unavailable");
            assertThat(gone.element().toString()).contains("destroy").contains("closing time");
            RoomListQuery after = new RoomListQuery(new ArrayList<>());
            server.context().events().publish(after);
            assertThat(after.rooms()).isEmpty();
            assertThat(server.context().events().publish(new RoomDestroyRequest(tea, null))).as("no such room").isFalse();
            server.send(bob, join("tea", "Bob"));
            assertThat(bob.next().type()).as("a destroyed room's name rests a while").isEqualTo("error");
        }
    }
}
