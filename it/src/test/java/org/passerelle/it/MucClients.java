package org.passerelle.it;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The client connections a MUC IT opens, registered with {@code @RegisterExtension}: it teaches
 * Smack the occupant-id element and disconnects every connection after each test.
 */
final class MucClients implements AfterEachCallback {
    private final List<XMPPTCPConnection> open = new ArrayList<>();

    MucClients() {
        Rooms.parseOccupantIds();
    }

    /** Logs in an existing account with resource "muc"; its password is "pw-" + name. */
    XMPPTCPConnection login(ItServer server, String name) throws Exception {
        return track(server.connect(name, "pw-" + name, "muc"));
    }

    /** Creates the accounts and logs each in. */
    List<XMPPTCPConnection> users(ItServer server, String... names) throws Exception {
        List<XMPPTCPConnection> out = new ArrayList<>();
        for (String n : names) {
            server.user(n, "pw-" + n);
            out.add(login(server, n));
        }
        return out;
    }

    /** A connection opened by the test itself, to disconnect with the others. */
    XMPPTCPConnection track(XMPPTCPConnection c) {
        open.add(c);
        return c;
    }

    /** Disconnects every connection; a test calls it before the server stops, so clients do not wait for its closing stream tag. */
    void disconnect() {
        open.forEach(XMPPTCPConnection::disconnect);
        open.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        disconnect();
    }
}
