package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.AccountStore;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.ScramHash;

/** What every {@link AccountStore} must do; subclassed once per backend. */
abstract class AccountStoreContract extends StoresFixture {
    private static final Instant CREATED = Instant.parse("2024-05-06T07:08:09.123Z");

    private AccountStore store() {
        return stores.accounts();
    }

    /** Distinct bytes per seed, including negative ones, so base64 and byte handling both show. */
    private static ScramCredential credential(ScramHash hash, String seed) {
        byte[] s = seed.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[hash.length()];
        for (int i = 0; i < key.length; i++) key[i] = (byte) (s[i % s.length] * 31 + i - 128);
        return new ScramCredential(hash, s, 4096 + seed.length(), key, reversed(key));
    }

    private static byte[] reversed(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) r[i] = b[b.length - 1 - i];
        return r;
    }

    private static Account account(EntityBareJid jid, String password) {
        return new Account(jid, List.of(credential(ScramHash.SHA_1, password), credential(ScramHash.SHA_256, password)),
                false, false, CREATED);
    }

    @Test
    void createsAndFindsAnAccountWithItsCredentials() {
        EntityBareJid jid = newJid("alice");
        Account alice = account(jid, "secret");
        assertThat(store().find(jid)).isEmpty();
        assertThat(store().create(alice)).isTrue();
        Account found = store().find(jid).orElseThrow();
        assertThat(found).isEqualTo(alice);
        assertThat(found.credential(ScramHash.SHA_256).storedKey()).isEqualTo(alice.credential(ScramHash.SHA_256).storedKey());
        assertThat(found.created()).isEqualTo(CREATED);
    }

    @Test
    void createDoesNotReplaceAnExistingAccount() {
        EntityBareJid jid = newJid("bob");
        assertThat(store().create(account(jid, "first"))).isTrue();
        assertThat(store().create(account(jid, "second").withAdmin(true))).isFalse();
        assertThat(store().find(jid).orElseThrow()).isEqualTo(account(jid, "first"));
    }

    @Test
    void findsByTheNormalisedJid() {
        EntityBareJid jid = newJid("Carol");
        store().create(account(jid, "pw"));
        EntityBareJid lower = Jids.of(jid.toString().toLowerCase()).asEntityBareJidOrThrow();
        assertThat(store().find(lower)).isPresent();
        assertThat(store().list(jid.getDomain().toString(), 0, 10)).containsExactly(lower);
    }

    @Test
    void updateReplacesCredentialsAndFlagsButNotTheCreationTime() {
        EntityBareJid jid = newJid("dave");
        store().create(account(jid, "old"));
        Account changed = new Account(jid, List.of(credential(ScramHash.SHA_256, "new")), true, true, Instant.EPOCH);
        assertThat(store().update(changed)).isTrue();
        Account found = store().find(jid).orElseThrow();
        assertThat(found.credentials()).containsExactly(credential(ScramHash.SHA_256, "new"));
        assertThat(found.credential(ScramHash.SHA_1)).isNull();
        assertThat(found.admin()).isTrue();
        assertThat(found.disabled()).isTrue();
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(store().update(account(newJid("nobody"), "x"))).isFalse();
    }

    @Test
    void deleteRemovesTheAccountAndItsCredentials() {
        EntityBareJid jid = newJid("erin");
        store().create(account(jid, "one"));
        assertThat(store().delete(jid)).isTrue();
        assertThat(store().delete(jid)).isFalse();
        assertThat(store().find(jid)).isEmpty();
        Account again = new Account(jid, List.of(credential(ScramHash.SHA_256, "two")), false, false, CREATED);
        assertThat(store().create(again)).isTrue();
        assertThat(store().find(jid).orElseThrow().credentials()).containsExactly(credential(ScramHash.SHA_256, "two"));
    }

    @Test
    void listsADomainInJidOrderPageByPageAndCountsIt() {
        String domain = newDomain();
        String other = newDomain();
        List<EntityBareJid> expected = new ArrayList<>();
        for (String local : List.of("mallory", "alice", "zed", "bob", "alicia", "0day", "carol")) {
            EntityBareJid jid = Jids.of(local + "@" + domain).asEntityBareJidOrThrow();
            store().create(account(jid, local));
            store().create(account(Jids.of(local + "@" + other).asEntityBareJidOrThrow(), local));
            expected.add(jid);
        }
        expected.sort((a, b) -> a.toString().compareTo(b.toString()));
        assertThat(store().count(domain)).isEqualTo(7);
        assertThat(store().list(domain, 0, 3)).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(store().list(domain, 3, 3)).containsExactlyElementsOf(expected.subList(3, 6));
        assertThat(store().list(domain, 6, 3)).containsExactlyElementsOf(expected.subList(6, 7));
        assertThat(store().list(domain, 7, 3)).isEmpty();
        assertThat(store().list(newDomain(), 0, 10)).isEmpty();
        assertThat(store().count(newDomain())).isZero();
    }

    @Test
    void unicodeJidsRoundTrip() {
        String domain = newDomain();
        EntityBareJid jid = Jids.of("\u00e9lodie.\u5c0f\u6797@" + domain).asEntityBareJidOrThrow();
        store().create(account(jid, "mot de passe \u00e9t\u00e9"));
        assertThat(store().find(jid)).contains(account(jid, "mot de passe \u00e9t\u00e9"));
        assertThat(store().list(domain, 0, 10)).containsExactly(jid);
    }

    @Test
    void accountsSurviveClosingAndReopening() {
        EntityBareJid jid = newJid("durable");
        store().create(account(jid, "kept"));
        reopen();
        assertThat(store().find(jid)).contains(account(jid, "kept"));
    }

    @Test
    void createAllAddsTheNewAccountsAndLeavesExistingOnesAlone() {
        String domain = newDomain();
        EntityBareJid existing = Jids.of("old@" + domain).asEntityBareJidOrThrow();
        store().create(account(existing, "before"));
        List<Account> batch = new ArrayList<>();
        batch.add(account(existing, "after"));
        for (int i = 0; i < 300; i++) batch.add(account(Jids.of("u" + i + "@" + domain).asEntityBareJidOrThrow(), "pw" + i));
        List<EntityBareJid> created = store().createAll(batch);
        assertThat(created).hasSize(300).doesNotContain(existing);
        assertThat(store().find(existing)).contains(account(existing, "before"));
        assertThat(store().find(batch.get(150).jid())).contains(batch.get(150));
        assertThat(store().count(domain)).isEqualTo(301);
        assertThat(store().createAll(batch)).isEmpty();
    }
}
