package org.passerelle.core.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.AccountCreated;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.EventBus;
import org.passerelle.core.routing.Domains;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.AccountStore;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.ScramHash;

/**
 * Creating, checking and removing accounts, for every caller (SASL, CLI, in-band registration,
 * admin commands). Passwords become SCRAM credentials for every supported hash and are then
 * forgotten. Blocking: call from worker threads.
 */
public final class Accounts {
    private final AccountStore store;
    private final Domains domains;
    private final EventBus events;
    private final int iterations;
    private final Clock clock;

    public Accounts(AccountStore store, Domains domains, EventBus events, int iterations, Clock clock) {
        this.store = store;
        this.domains = domains;
        this.events = events;
        this.iterations = iterations;
        this.clock = clock;
    }

    /** Creates the account; false if it exists. Throws for a domain this server does not host. */
    public boolean create(EntityBareJid jid, String password, boolean admin) {
        if (!domains.isLocal(jid.asDomainBareJid())) throw new IllegalArgumentException(jid.getDomain() + " is not hosted here");
        checkPassword(password);
        boolean created = store.create(new Account(jid, credentials(password), admin, false, clock.instant()));
        if (created) events.publish(new AccountCreated(jid));
        return created;
    }

    public boolean changePassword(EntityBareJid jid, String password) {
        checkPassword(password);
        Optional<Account> a = store.find(jid);
        return a.isPresent() && store.update(a.get().withCredentials(credentials(password)));
    }

    public boolean setDisabled(EntityBareJid jid, boolean disabled) {
        Optional<Account> a = store.find(jid);
        return a.isPresent() && store.update(a.get().withDisabled(disabled));
    }

    public boolean setAdmin(EntityBareJid jid, boolean admin) {
        Optional<Account> a = store.find(jid);
        return a.isPresent() && store.update(a.get().withAdmin(admin));
    }

    /** Deletes the account and, through {@link AccountDeleted}, everything modules kept for it. */
    public boolean delete(EntityBareJid jid) {
        boolean deleted = store.delete(jid);
        if (deleted) events.publish(new AccountDeleted(jid));
        return deleted;
    }

    public Optional<Account> find(EntityBareJid jid) {
        return store.find(jid);
    }

    public boolean exists(EntityBareJid jid) {
        return store.find(jid).isPresent();
    }

    public boolean isAdmin(EntityBareJid jid) {
        return store.find(jid).map(Account::admin).orElse(false);
    }

    /** Checks a plain password (SASL PLAIN) against the stored SCRAM-SHA-256 credential. */
    public boolean verify(EntityBareJid jid, String password) {
        Optional<Account> a = store.find(jid);
        if (a.isEmpty() || a.get().disabled()) return false;
        ScramCredential stored = a.get().credential(ScramHash.SHA_256);
        if (stored == null) stored = a.get().credential(ScramHash.SHA_1);
        if (stored == null) return false;
        ScramCredential candidate = Scram.credential(stored.hash(), password, stored.salt(), stored.iterations());
        return Scram.same(candidate.storedKey(), stored.storedKey());
    }

    public List<EntityBareJid> list(String domain, int offset, int limit) {
        return store.list(domain, offset, limit);
    }

    public long count(String domain) {
        return store.count(domain);
    }

    private List<ScramCredential> credentials(String password) {
        return List.of(Scram.credential(ScramHash.SHA_1, password, iterations),
                Scram.credential(ScramHash.SHA_256, password, iterations));
    }

    private static void checkPassword(String password) {
        if (password == null || password.isEmpty()) throw new IllegalArgumentException("the password is empty");
        if (password.length() > 1024) throw new IllegalArgumentException("the password is longer than 1024 characters");
    }
}
