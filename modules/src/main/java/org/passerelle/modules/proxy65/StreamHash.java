package org.passerelle.modules.proxy65;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** XEP-0065 §5.3.2: the SOCKS5 DST.ADDR is hex SHA-1 of SID + initiator full JID + target full JID. */
final class StreamHash {
    private StreamHash() {
    }

    static String of(String sid, String initiator, String target) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((sid + initiator + target).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
