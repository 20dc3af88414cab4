package org.passerelle.core.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-1 and SHA-256 as the protocols use them (XEP-0065 stream hashes, XEP-0084/0153 avatar ids,
 * XEP-0115 verification strings; token and content hashes). Every JDK has both algorithms, so
 * their absence is an error, not a case to handle.
 */
public final class Digests {
    private Digests() {
    }

    public static byte[] sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    public static byte[] sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    /** Lower-case hex of the SHA-1 of {@code data}. */
    public static String sha1Hex(byte[] data) {
        return HexFormat.of().formatHex(sha1(data));
    }

    /** Lower-case hex of the SHA-1 of the UTF-8 text. */
    public static String sha1Hex(String text) {
        return sha1Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the SHA-256 of the UTF-8 text. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
