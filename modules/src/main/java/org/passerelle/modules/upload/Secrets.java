package org.passerelle.modules.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.passerelle.core.util.Digests;

/**
 * Slot ids and PUT tokens: random, URL-safe. The store keeps only a hash of the token, so a
 * leaked database gives no right to upload.
 */
final class Secrets {
    /** 16 random bytes: 128 bits, 22 characters. */
    static final Pattern SLOT_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final SecureRandom random = new SecureRandom();

    String slotId() {
        return random(16);
    }

    /** The Authorization header value handed out with a slot. */
    String authorization() {
        return "Bearer " + random(32);
    }

    private String random(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String value) {
        return Base64.getEncoder().encodeToString(Digests.sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in constant time, so response timing tells nothing about the expected token. */
    static boolean matches(String presented, String expectedHash) {
        if (presented == null) return false;
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII), expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
