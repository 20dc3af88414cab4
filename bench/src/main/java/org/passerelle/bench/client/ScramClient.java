package org.passerelle.bench.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM (RFC 5802, RFC 7677) without channel binding, for ASCII user names
 * and passwords (the load tool's own population). One instance per exchange.
 */
public final class ScramClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String hmac;
    private final String digest;
    private final int length;
    private final String user;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] serverSignature;

    public ScramClient(String mechanism, String user, String password) {
        this(mechanism, user, password, randomNonce());
    }

    ScramClient(String mechanism, String user, String password, String clientNonce) {
        boolean sha256 = mechanism.equals("SCRAM-SHA-256");
        if (!sha256 && !mechanism.equals("SCRAM-SHA-1")) throw new IllegalArgumentException(mechanism);
        this.hmac = sha256 ? "HmacSHA256" : "HmacSHA1";
        this.digest = sha256 ? "SHA-256" : "SHA-1";
        this.length = sha256 ? 32 : 20;
        this.user = user.replace("=", "=3D").replace(",", "=2C");
        this.password = password;
        this.clientNonce = clientNonce;
    }

    private static String randomNonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b).replace('+', '-').replace('/', '_');
    }

    public String clientFirst() {
        clientFirstBare = "n=" + user + ",r=" + clientNonce;
        return "n,," + clientFirstBare;
    }

    /** Answers the server-first message with the client-final message (with proof). */
    public String clientFinal(String serverFirst) {
        Map<Character, String> f = fields(serverFirst);
        String nonce = f.get('r');
        if (nonce == null || !nonce.startsWith(clientNonce)) throw new IllegalStateException("server nonce does not extend ours");
        byte[] salt = Base64.getDecoder().decode(f.get('s'));
        int iterations = Integer.parseInt(f.get('i'));
        String withoutProof = "c=biws,r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] salted = salted(salt, iterations);
        byte[] clientKey = mac(salted, "Client Key");
        byte[] storedKey = sha(clientKey);
        byte[] signature = mac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) proof[i] = (byte) (clientKey[i] ^ signature[i]);
        serverSignature = mac(mac(salted, "Server Key"), authMessage);
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** True when the server-final message proves the server knew the credential. */
    public boolean verifyServerFinal(String serverFinal) {
        String v = fields(serverFinal).get('v');
        return v != null && serverSignature != null && MessageDigest.isEqual(Base64.getDecoder().decode(v), serverSignature);
    }

    private byte[] salted(byte[] salt, int iterations) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2With" + hmac);
            return f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(byte[] key, String data) {
        return mac(key, data.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(byte[] key, byte[] data) {
        try {
            Mac m = Mac.getInstance(hmac);
            m.init(new SecretKeySpec(key, hmac));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sha(byte[] data) {
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<Character, String> fields(String message) {
        Map<Character, String> out = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') out.put(part.charAt(0), part.substring(2));
        }
        return out;
    }
}
