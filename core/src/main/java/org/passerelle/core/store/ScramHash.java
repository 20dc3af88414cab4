package org.passerelle.core.store;

/** The hash functions SCRAM is offered with, by their JDK and SASL names. */
public enum ScramHash {
    SHA_1("SHA-1", "HmacSHA1", "SCRAM-SHA-1", 20),
    SHA_256("SHA-256", "HmacSHA256", "SCRAM-SHA-256", 32);

    private final String digest;
    private final String hmac;
    private final String mechanism;
    private final int length;

    ScramHash(String digest, String hmac, String mechanism, int length) {
        this.digest = digest;
        this.hmac = hmac;
        this.mechanism = mechanism;
        this.length = length;
    }

    public String digestAlgorithm() { return digest; }

    public String hmacAlgorithm() { return hmac; }

    /** The SASL mechanism name without channel binding, e.g. {@code SCRAM-SHA-256}. */
    public String mechanism() { return mechanism; }

    public int length() { return length; }
}
