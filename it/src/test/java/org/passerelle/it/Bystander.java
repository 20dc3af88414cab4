package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;

/**
 * A legitimate Smack session that stays logged in while a test misbehaves, to show that bad input
 * from one client leaves every other session working.
 */
final class Bystander implements AutoCloseable {
    private final XMPPTCPConnection connection;

    private Bystander(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    /** Creates bob@localhost (password "builder") and logs him in as bob@localhost/bystander. */
    static Bystander on(ItServer server) throws Exception {
        server.user("bob", "builder");
        return new Bystander(server.connect("bob", "builder", "bystander"));
    }

    XMPPTCPConnection connection() {
        return connection;
    }

    /** The session is still up: the server answers its ping. */
    void assertStillWorks() throws Exception {
        assertThat(PingManager.getInstanceFor(connection).pingMyServer(false, 5000)).isTrue();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
