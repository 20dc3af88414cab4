package org.passerelle.it;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jivesoftware.smack.sasl.SASLMechanism;
import org.jivesoftware.smack.sasl.core.ScramHmac;
import org.jivesoftware.smack.sasl.core.ScramMechanism;

/**
 * SCRAM-SHA-256 for Smack 4.4, which ships only the SHA-1 variants: Smack's own SCRAM client
 * code with the SHA-256 HMAC, so the server is checked against an implementation not its own.
 */
final class ScramSha256ForSmack extends ScramMechanism {
    private static final ScramHmac HMAC_SHA256 = new ScramHmac() {
        @Override
        public String getHmacName() {
            return "SHA-256";
        }

        @Override
        public byte[] hmac(byte[] key, byte[] str) throws InvalidKeyException {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(str);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    ScramSha256ForSmack() {
        super(HMAC_SHA256);
    }

    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected SASLMechanism newInstance() {
        return new ScramSha256ForSmack();
    }
}
