package org.passerelle.modules.proxy65;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class StreamHashTest {
    @Test
    void isHexSha1OfSidInitiatorTarget() {
        // value from `printf 'vxf9n471bn46requester@example.com/footarget@example.org/bar' | sha1sum`
        assertEquals("98b8d688d0f5d895fd41c5e7309a2e9e33ba32ff",
                StreamHash.of("vxf9n471bn46", "requester@example.com/foo", "target@example.org/bar"));
    }

    @Test
    void initiatorAndTargetAreNotInterchangeable() {
        assertNotEquals(StreamHash.of("s", "a@x/1", "b@x/2"), StreamHash.of("s", "b@x/2", "a@x/1"));
    }
}
