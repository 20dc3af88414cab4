package org.passerelle.modules.proxy65;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server side of the RFC 1928 subset XEP-0065 uses: method "no authentication", command
 * CONNECT, address type DOMAINNAME carrying the stream hash, port 0. Anything else is refused
 * with an {@link IOException}; the caller closes that one connection.
 */
final class Socks5Handshake {
    private static final int VERSION = 5, NO_AUTH = 0, NO_ACCEPTABLE = 0xFF, CONNECT = 1, DOMAINNAME = 3;
    private static final int SUCCEEDED = 0, NOT_ALLOWED = 2, COMMAND_NOT_SUPPORTED = 7, ADDRESS_NOT_SUPPORTED = 8;

    private Socks5Handshake() {
    }

    /**
     * Reads the greeting and the CONNECT request and answers the greeting; returns the stream hash.
     * The CONNECT is answered by {@link #connected} or {@link #refused} once the connection waits for
     * its pair: a client that got "succeeded" may ask for activation at once.
     */
    static String accept(InputStream rawIn, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        if (in.readUnsignedByte() != VERSION) throw new IOException("not SOCKS5");
        int methods = in.readUnsignedByte();
        boolean noAuth = false;
        for (int i = 0; i < methods; i++) noAuth |= in.readUnsignedByte() == NO_AUTH;
        if (!noAuth) {
            out.write(new byte[] {VERSION, (byte) NO_ACCEPTABLE});
            out.flush();
            throw new IOException("client does not offer no-authentication");
        }
        out.write(new byte[] {VERSION, NO_AUTH});
        out.flush();
        if (in.readUnsignedByte() != VERSION) throw new IOException("not SOCKS5 request");
        int command = in.readUnsignedByte();
        in.readUnsignedByte(); // reserved
        int addressType = in.readUnsignedByte();
        if (command != CONNECT) {
            reply(out, COMMAND_NOT_SUPPORTED, "");
            throw new IOException("command " + command + " is not CONNECT");
        }
        if (addressType != DOMAINNAME) {
            reply(out, ADDRESS_NOT_SUPPORTED, "");
            throw new IOException("address type " + addressType + " is not DOMAINNAME");
        }
        byte[] address = new byte[in.readUnsignedByte()];
        in.readFully(address);
        in.readUnsignedShort(); // port, 0 in XEP-0065
        String hash = new String(address, StandardCharsets.US_ASCII);
        if (!hash.matches("[0-9a-f]{40}")) {
            reply(out, NOT_ALLOWED, "");
            throw new IOException("address is not a SHA-1 hex digest");
        }
        return hash;
    }

    static void connected(OutputStream out, String hash) throws IOException {
        reply(out, SUCCEEDED, hash);
    }

    static void refused(OutputStream out) throws IOException {
        reply(out, NOT_ALLOWED, "");
    }

    private static void reply(OutputStream out, int code, String address) throws IOException {
        byte[] a = address.getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[7 + a.length];
        r[0] = VERSION;
        r[1] = (byte) code;
        r[3] = DOMAINNAME;
        r[4] = (byte) a.length;
        System.arraycopy(a, 0, r, 5, a.length); // the two port bytes stay 0
        out.write(r);
        out.flush();
    }
}
