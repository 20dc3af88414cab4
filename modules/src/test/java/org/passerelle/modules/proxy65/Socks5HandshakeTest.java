package org.passerelle.modules.proxy65;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Socks5HandshakeTest {
    private static final String HASH = StreamHash.of("sid", "a@localhost/1", "b@localhost/2");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String accept(byte[] in) throws IOException {
        return Socks5Handshake.accept(new ByteArrayInputStream(in), out);
    }

    @Test
    void acceptsNoAuthConnectToAHashAndAnswersItOnlyWhenToldTo() throws IOException {
        assertEquals(HASH, accept(Socks5Client.request(HASH)));
        assertArrayEquals(new byte[] {5, 0}, out.toByteArray(), "only the greeting is answered until the pairing is ready");
        Socks5Handshake.connected(out, HASH);
        byte[] replies = out.toByteArray();
        assertArrayEquals(new byte[] {5, 0}, Arrays.copyOf(replies, 2));
        assertArrayEquals(new byte[] {5, 0, 0, 3, 40}, Arrays.copyOfRange(replies, 2, 7));
        assertEquals(2 + 5 + 40 + 2, replies.length);
    }

    @Test
    void refusesSocks4() {
        byte[] req = Socks5Client.request(HASH);
        req[0] = 4;
        assertThrows(IOException.class, () -> accept(req));
        assertEquals(0, out.size());
    }

    @Test
    void refusesClientsWithoutNoAuth() {
        byte[] req = Socks5Client.request(HASH);
        req[2] = 2; // username/password only
        assertThrows(IOException.class, () -> accept(req));
        assertArrayEquals(new byte[] {5, (byte) 0xFF}, out.toByteArray());
    }

    @Test
    void refusesBindAndIpAddresses() {
        byte[] bind = Socks5Client.request(HASH);
        bind[4] = 2;
        assertThrows(IOException.class, () -> accept(bind));
        assertEquals(7, out.toByteArray()[3]);
        out.reset();
        byte[] ipv4 = Socks5Client.request(HASH);
        ipv4[6] = 1;
        assertThrows(IOException.class, () -> accept(ipv4));
        assertEquals(8, out.toByteArray()[3]);
    }

    @Test
    void refusesAnAddressThatIsNotAHash() {
        assertThrows(IOException.class, () -> accept(Socks5Client.request("example.com")));
        assertEquals(2, out.toByteArray()[3]);
    }

    @Test
    void refusesATruncatedRequest() {
        byte[] req = Socks5Client.request(HASH);
        assertThrows(IOException.class, () -> accept(Arrays.copyOf(req, 20)));
    }
}
