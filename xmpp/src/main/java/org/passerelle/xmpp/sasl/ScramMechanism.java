package org.passerelle.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.Scram;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.ScramHash;

/**
 * The server side of SCRAM (RFC 5802) for one hash, with or without channel binding. Unknown
 * accounts get a made-up salt derived from a server secret, so the exchange looks the same and
 * fails only at the proof: no way to probe which accounts exist.
 */
public final class ScramMechanism implements SaslMechanism {
    public static final String CHANNEL_BINDING = "tls-server-end-point";

    private final ScramHash hash;
    private final boolean plus;
    private final boolean plusOffered;
    private final byte[] channelBinding;
    private final DomainBareJid domain;
    private final CredentialSource credentials;
    private final byte[] fakeSaltKey;
    private final int defaultIterations;
    private final java.util.function.Supplier<String> serverNonce;

    private int state;
    private String claimed;
    private EntityBareJid account;
    private ScramCredential credential;
    private boolean knownAccount;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /**
     * @param plus           this is the -PLUS variant
     * @param plusOffered    the server offered -PLUS variants on this stream (a "y" flag then fails)
     * @param channelBinding the tls-server-end-point data of this connection, or null without TLS
     */
    public ScramMechanism(ScramHash hash, boolean plus, boolean plusOffered, byte[] channelBinding, DomainBareJid domain,
                          CredentialSource credentials, byte[] fakeSaltKey, int defaultIterations) {
        this(hash, plus, plusOffered, channelBinding, domain, credentials, fakeSaltKey, defaultIterations, Scram::nonce);
    }

    /** With a chosen server nonce: for checking against the RFC test vectors. */
    ScramMechanism(ScramHash hash, boolean plus, boolean plusOffered, byte[] channelBinding, DomainBareJid domain,
                   CredentialSource credentials, byte[] fakeSaltKey, int defaultIterations,
                   java.util.function.Supplier<String> serverNonce) {
        this.serverNonce = serverNonce;
        this.hash = hash;
        this.plus = plus;
        this.plusOffered = plusOffered;
        this.channelBinding = channelBinding;
        this.domain = domain;
        this.credentials = credentials;
        this.fakeSaltKey = fakeSaltKey;
        this.defaultIterations = defaultIterations;
    }

    public static String name(ScramHash hash, boolean plus) {
        return hash.mechanism() + (plus ? "-PLUS" : "");
    }

    @Override
    public String claimedUser() {
        return claimed;
    }

    @Override
    public SaslStep step(byte[] response) throws SaslException {
        if (state == 0 && response.length == 0) return SaslStep.challenge(new byte[0]); // RFC 6120 §6.4.2: no initial response yet
        String message = new String(response, StandardCharsets.UTF_8);
        return switch (state++) {
            case 0 -> clientFirst(message);
            case 1 -> clientFinal(message);
            default -> throw new SaslException("malformed-request", "the exchange is over");
        };
    }

    private SaslStep clientFirst(String message) throws SaslException {
        if (message.isEmpty()) throw new SaslException("malformed-request", "SCRAM needs an initial response");
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) throw new SaslException("malformed-request", "bad GS2 header");
        String flag = message.substring(0, first);
        String authzid = message.substring(first + 1, second);
        checkBindingFlag(flag);
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String[] attrs = clientFirstBare.split(",", -1);
        if (attrs.length < 2 || !attrs[0].startsWith("n=") || !attrs[1].startsWith("r=") || attrs[1].length() < 3) {
            throw new SaslException("malformed-request", "client-first-message needs n= and r=");
        }
        if (clientFirstBare.startsWith("m=")) throw new SaslException("malformed-request", "unsupported mandatory extension");
        claimed = unescape(attrs[0].substring(2));
        account = SaslNames.account(claimed, domain);
        claimed = account.toString();
        if (!authzid.isEmpty()) {
            if (!authzid.startsWith("a=")) throw new SaslException("malformed-request", "bad authzid");
            SaslNames.checkAuthzid(unescape(authzid.substring(2)), account);
        }
        Optional<Account> found = credentials.account(account);
        credential = found.filter(a -> !a.disabled()).map(a -> a.credential(hash)).orElse(null);
        knownAccount = credential != null;
        if (!knownAccount) credential = fakeCredential(account);
        nonce = attrs[1].substring(2) + serverNonce.get();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credential.salt()) + ",i=" + credential.iterations();
        return SaslStep.challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private void checkBindingFlag(String flag) throws SaslException {
        if (plus) {
            if (!flag.equals("p=" + CHANNEL_BINDING)) {
                throw new SaslException("malformed-request", "-PLUS needs channel binding type " + CHANNEL_BINDING);
            }
            if (channelBinding == null) throw new SaslException("not-authorized", "no channel to bind to");
        } else if (flag.equals("y")) {
            // RFC 5802 §6: the client thinks we lack channel binding; we offered it, so this may be a downgrade.
            if (plusOffered) throw new SaslException("not-authorized", "channel binding was offered");
        } else if (!flag.equals("n")) {
            throw new SaslException("malformed-request", "channel binding needs a -PLUS mechanism");
        }
    }

    private SaslStep clientFinal(String message) throws SaslException {
        int proofAt = message.lastIndexOf(",p=");
        if (!message.startsWith("c=") || proofAt < 0) throw new SaslException("malformed-request", "client-final-message needs c= and p=");
        String withoutProof = message.substring(0, proofAt);
        String[] attrs = withoutProof.split(",", -1);
        if (attrs.length < 2 || !attrs[1].equals("r=" + nonce)) throw new SaslException("not-authorized", "nonce mismatch");
        byte[] cbind = decode(attrs[0].substring(2));
        if (!MessageDigest.isEqual(cbind, expectedBinding())) throw new SaslException("not-authorized", "channel binding mismatch");
        byte[] proof = decode(message.substring(proofAt + 3));
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] authBytes = authMessage.getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = Scram.hmac(hash, credential.storedKey(), authBytes);
        if (proof.length != clientSignature.length) throw new SaslException("not-authorized", "wrong proof length");
        byte[] clientKey = Scram.xor(proof, clientSignature);
        if (!Scram.same(Scram.h(hash, clientKey), credential.storedKey()) || !knownAccount) {
            throw new SaslException("not-authorized", "wrong credentials");
        }
        byte[] serverSignature = Scram.hmac(hash, credential.serverKey(), authBytes);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return SaslStep.success(serverFinal.getBytes(StandardCharsets.UTF_8), account);
    }

    private byte[] expectedBinding() {
        byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
        if (!plus) return header;
        byte[] out = new byte[header.length + channelBinding.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(channelBinding, 0, out, header.length, channelBinding.length);
        return out;
    }

    private ScramCredential fakeCredential(EntityBareJid jid) {
        byte[] salt = Scram.hmac(ScramHash.SHA_256, fakeSaltKey, jid.toString().getBytes(StandardCharsets.UTF_8));
        byte[] zeros = new byte[hash.length()];
        return new ScramCredential(hash, java.util.Arrays.copyOf(salt, 16), defaultIterations, zeros, zeros);
    }

    private static byte[] decode(String b64) throws SaslException {
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new SaslException("malformed-request", "bad base64 in SCRAM message");
        }
    }

    /** RFC 5802 saslname: "=2C" is a comma, "=3D" an equals sign, any other '=' is an error. */
    static String unescape(String saslname) throws SaslException {
        StringBuilder sb = new StringBuilder(saslname.length());
        for (int i = 0; i < saslname.length(); i++) {
            char c = saslname.charAt(i);
            if (c != '=') {
                sb.append(c);
            } else if (saslname.startsWith("=2C", i)) {
                sb.append(',');
                i += 2;
            } else if (saslname.startsWith("=3D", i)) {
                sb.append('=');
                i += 2;
            } else {
                throw new SaslException("malformed-request", "bad escape in username");
            }
        }
        return sb.toString();
    }
}
