package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SCRAM with and without tls-server-end-point channel binding, for SHA-1 and SHA-256, over a
 * real STARTTLS connection. The client side is written here from RFC 5802 on the JDK's crypto,
 * deriving the binding from the certificate it received, independently of the server's code.
 */
class ChannelBindingIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
        server.user("carol", "s3cret-é");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"SCRAM-SHA-1,HmacSHA1,SHA-1,false", "SCRAM-SHA-256,HmacSHA256,SHA-256,false",
            "SCRAM-SHA-1-PLUS,HmacSHA1,SHA-1,true", "SCRAM-SHA-256-PLUS,HmacSHA256,SHA-256,true"})
    void scram(String mechanism, String hmac, String digest, boolean plus) throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.startTls();
            SSLSocket tls = c.tlsSocket();
            String gs2 = plus ? "p=tls-server-end-point,," : "n,,";
            String clientFirstBare = "n=carol,r=clientnonce123";
            c.send(auth(mechanism, gs2 + clientFirstBare));
            String serverFirst = decodeBody(c.expect("</challenge>"), "challenge");
            String nonce = attr(serverFirst, "r");
            byte[] salt = Base64.getDecoder().decode(attr(serverFirst, "s"));
            int iterations = Integer.parseInt(attr(serverFirst, "i"));
            byte[] cbind = gs2.getBytes(StandardCharsets.UTF_8);
            if (plus) cbind = concat(cbind, endPoint((X509Certificate) tls.getSession().getPeerCertificates()[0]));
            String withoutProof = "c=" + Base64.getEncoder().encodeToString(cbind) + ",r=" + nonce;
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2With" + hmac);
            byte[] salted = pbkdf2.generateSecret(new PBEKeySpec("s3cret-é".toCharArray(), salt, iterations,
                    Mac.getInstance(hmac).getMacLength() * 8)).getEncoded();
            byte[] clientKey = hmac(hmac, salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance(digest).digest(clientKey);
            byte[] signature = hmac(hmac, storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) proof[i] = (byte) (clientKey[i] ^ signature[i]);
            c.send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                    + b64(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)) + "</response>");
            String serverFinal = decodeBody(c.expect("</success>"), "success");
            byte[] serverKey = hmac(hmac, salted, "Server Key");
            assertThat(serverFinal).isEqualTo("v=" + Base64.getEncoder().encodeToString(hmac(hmac, serverKey, authMessage)));
        }
    }

    private static byte[] endPoint(X509Certificate cert) throws Exception {
        String alg = cert.getSigAlgName().toUpperCase();
        String hash = alg.startsWith("SHA384") ? "SHA-384" : alg.startsWith("SHA512") ? "SHA-512" : "SHA-256";
        return MessageDigest.getInstance(hash).digest(cert.getEncoded());
    }

    private static byte[] hmac(String alg, byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance(alg);
        mac.init(new SecretKeySpec(key, alg));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String auth(String mechanism, String initial) {
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='" + mechanism + "'>" + b64(initial) + "</auth>";
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeBody(String said, String element) {
        int start = said.indexOf('>', said.lastIndexOf("<" + element)) + 1;
        int end = said.lastIndexOf("</" + element + ">");
        return new String(Base64.getDecoder().decode(said.substring(start, end)), StandardCharsets.UTF_8);
    }

    private static String attr(String message, String name) {
        for (String part : message.split(",")) if (part.startsWith(name + "=")) return part.substring(name.length() + 1);
        throw new AssertionError("no " + name + " in " + message);
    }
}
