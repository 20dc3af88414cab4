package org.passerelle.modules.proxy65;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The client side of the XEP-0065 SOCKS5 handshake, written out byte by byte for tests. */
final class Socks5Client {
    private Socks5Client() {
    }

    static byte[] request(String hash) {
        byte[] a = hash.getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[3 + 5 + a.length + 2];
        r[0] = 5; r[1] = 1; r[2] = 0; // greeting: one method, no authentication
        r[3] = 5; r[4] = 1; r[5] = 0; r[6] = 3; // CONNECT, DOMAINNAME
        r[7] = (byte) a.length;
        System.arraycopy(a, 0, r, 8, a.length);
        return r;
    }

    /** Connects and completes the handshake; fails unless the proxy answers success. */
    static Socket connect(int port, String hash) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(request(hash));
        out.flush();
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] method = new byte[2];
        in.readFully(method);
        if (method[1] != 0) throw new IOException("method refused");
        byte[] head = new byte[5];
        in.readFully(head);
        if (head[1] != 0) throw new IOException("request refused: " + head[1]);
        in.readFully(new byte[head[4] + 2]);
        return s;
    }
}
