package org.passerelle.web.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.Accounts;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.core.util.Digests;

/**
 * API tokens: created for an admin account, kept under that account in the key-value store
 * (so deleting the account deletes them), only as a SHA-256 hash. A token reads
 * {@code psr.<account, base64url>.<id>.<secret>}: the account and id find the record, the hash
 * of the whole token must match. A token works while its account exists, is an admin and is
 * not disabled; revoking deletes its record.
 */
public final class ApiTokens {
    static final String NAMESPACE = "urn:passerelle:admin:token";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final long TOUCH_MILLIS = 60_000; // last use is written at most once a minute

    /** What is shown about a token (never the token itself, which only its creator saw once). */
    public record Info(String id, String name, String admin, String created, String lastUsed) {
    }

    private final KeyValueStore store;
    private final Accounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(KeyValueStore store, Accounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new token for the admin account, returned once; throws when the account is not an admin. */
    public String create(EntityBareJid admin, String name) {
        if (name == null || name.isBlank() || name.length() > 100) throw new IllegalArgumentException("a token needs a name of 1 to 100 characters");
        if (!accounts.isAdmin(admin)) throw new IllegalArgumentException(admin + " is not an administrator account");
        byte[] idBytes = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String token = "psr." + B64.encodeToString(admin.toString().getBytes(StandardCharsets.UTF_8)) + "." + id + "." + B64.encodeToString(secret);
        ObjectNode record = Json.MAPPER.createObjectNode().put("name", name.strip()).put("hash", hash(token))
                .put("created", clock.instant().toString());
        store.put(admin, NAMESPACE, id, record.toString());
        return token;
    }

    public List<Info> list(EntityBareJid admin) {
        List<Info> out = new ArrayList<>();
        for (Map.Entry<String, String> e : store.all(admin, NAMESPACE).entrySet()) {
            ObjectNode r = read(e.getValue());
            if (r != null) out.add(new Info(e.getKey(), r.path("name").asText(), admin.toString(), r.path("created").asText(null),
                    r.path("lastUsed").asText(null)));
        }
        return out;
    }

    public boolean revoke(EntityBareJid admin, String id) {
        return store.delete(admin, NAMESPACE, id);
    }

    /** The admin account the token acts for, if it is a live token of an account that is still an enabled admin. */
    Optional<EntityBareJid> check(String token) {
        String[] parts = token.strip().split("\\.");
        if (parts.length != 4 || !parts[0].equals("psr")) return Optional.empty();
        EntityBareJid admin;
        try {
            admin = Jids.of(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).asEntityBareJidIfPossible();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (admin == null || !parts[2].matches("[0-9a-f]{12}")) return Optional.empty();
        ObjectNode r = store.get(admin, NAMESPACE, parts[2]).map(ApiTokens::read).orElse(null);
        if (r == null || !MessageDigest.isEqual(hash(token.strip()).getBytes(StandardCharsets.US_ASCII),
                r.path("hash").asText().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(admin);
        if (account.isEmpty() || !account.get().admin() || account.get().disabled()) return Optional.empty();
        touch(admin, parts[2], r);
        return Optional.of(admin);
    }

    private void touch(EntityBareJid admin, String id, ObjectNode r) {
        Instant now = clock.instant();
        String last = r.path("lastUsed").asText(null);
        if (last != null && now.toEpochMilli() - Instant.parse(last).toEpochMilli() < TOUCH_MILLIS) return;
        r.put("lastUsed", now.toString());
        store.put(admin, NAMESPACE, id, r.toString());
    }

    private static ObjectNode read(String json) {
        try {
            return Json.MAPPER.readTree(json) instanceof ObjectNode o ? o : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
