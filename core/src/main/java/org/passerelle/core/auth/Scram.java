package org.passerelle.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.ScramHash;
import rocks.xmpp.precis.PrecisProfiles;

/** RFC 5802 primitives: Hi (PBKDF2), HMAC, H and the derived keys, for SHA-1 and SHA-256. */
public final class Scram {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scram() {
    }

    /** Derives the stored credential for a password with a fresh random salt. */
    public static ScramCredential credential(ScramHash hash, String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return credential(hash, password, salt, iterations);
    }

    public static ScramCredential credential(ScramHash hash, String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(hash, password, salt, iterations);
        byte[] clientKey = hmac(hash, salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = hmac(hash, salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramCredential(hash, salt, iterations, h(hash, clientKey), serverKey);
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i), with the OpaqueString profile (RFC 8265). */
    public static byte[] saltedPassword(ScramHash hash, String password, byte[] salt, int iterations) {
        String normalized = PrecisProfiles.OPAQUE_STRING.enforce(password);
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2With" + hash.hmacAlgorithm());
            PBEKeySpec spec = new PBEKeySpec(normalized.toCharArray(), salt, iterations, hash.length() * 8);
            return f.generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 with " + hash + " unavailable", e);
        }
    }

    public static byte[] hmac(ScramHash hash, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(hash.hmacAlgorithm());
            mac.init(new SecretKeySpec(key, hash.hmacAlgorithm()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash.hmacAlgorithm() + " unavailable", e);
        }
    }

    public static byte[] h(ScramHash hash, byte[] data) {
        try {
            return MessageDigest.getInstance(hash.digestAlgorithm()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash.digestAlgorithm() + " unavailable", e);
        }
    }

    public static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (byte) (a[i] ^ b[i]);
        return out;
    }

    /** Constant-time comparison, so a wrong proof reveals nothing through timing. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** A printable nonce for the server's part of the SCRAM exchange. */
    public static String nonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return java.util.Base64.getEncoder().withoutPadding().encodeToString(b).replace('+', '-').replace('/', '_');
    }
}
