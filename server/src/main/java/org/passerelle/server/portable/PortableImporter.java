package org.passerelle.server.portable;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.Scram;
import org.passerelle.core.routing.Domains;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.ScramHash;
import org.passerelle.core.store.Stores;
import org.passerelle.xml.Element;

/**
 * Imports a XEP-0227 file into the stores, in batches of users: while one batch is written
 * (accounts in one transaction, each roster in one), the next ones' passwords become SCRAM
 * credentials on a pool of one thread per core. Idempotent: an existing account keeps its credentials and flags, roster items and data
 * are overwritten with the same values, an offline message already stored is not stored again.
 */
public final class PortableImporter {
    static final int BATCH = 500;

    private final Stores stores;
    private final Domains domains;
    private final int iterations;
    private final int rosterLimit;
    private final int offlineQuota;
    private final Clock clock;

    public PortableImporter(Stores stores, Domains domains, int iterations, int rosterLimit, int offlineQuota, Clock clock) {
        this.stores = stores;
        this.domains = domains;
        this.iterations = iterations;
        this.rosterLimit = rosterLimit;
        this.offlineQuota = offlineQuota;
        this.clock = clock;
    }

    /** A batch whose passwords are being hashed on the pool while earlier batches are written. */
    private record Pending(List<UserData> users, Future<List<Account>> accounts) {
    }

    public ImportReport importFrom(InputStream in) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService hashing = Executors.newFixedThreadPool(cores);
        try {
            return importFrom(in, hashing, cores + 1);
        } finally {
            hashing.shutdownNow();
        }
    }

    private ImportReport importFrom(InputStream in, ExecutorService hashing, int maxPending) throws Exception {
        ImportReport report = new ImportReport();
        UserParser parser = new UserParser(report, clock.instant());
        Deque<Pending> pending = new ArrayDeque<>();
        List<UserData> batch = new ArrayList<>(BATCH);
        PortableReader.read(in, new PortableReader.Handler() {
            @Override
            public void host(String domain) {
                if (!hosted(domain)) report.skip("host " + domain, "domain not hosted here: its users are skipped");
            }

            @Override
            public void user(String domain, Element user) {
                if (!hosted(domain)) {
                    report.skip(user.attr("name") + "@" + domain, "domain not hosted here");
                    return;
                }
                report.users++;
                UserData u = parser.parse(domain, user);
                if (u == null) return;
                batch.add(u);
                if (batch.size() == BATCH) {
                    List<UserData> users = List.copyOf(batch);
                    batch.clear();
                    pending.add(new Pending(users, hashing.submit(() -> accounts(users))));
                    if (pending.size() >= maxPending) write(pending.poll(), report);
                }
            }

            @Override
            public void skipped(String where, String what) {
                report.skip(where, "not supported: " + what);
            }
        });
        List<UserData> last = List.copyOf(batch);
        pending.add(new Pending(last, hashing.submit(() -> accounts(last))));
        while (!pending.isEmpty()) write(pending.poll(), report);
        return report;
    }

    private boolean hosted(String domain) {
        try {
            return domain != null && domains.isLocal(Jids.of(domain));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void write(Pending p, ImportReport report) {
        List<UserData> batch = p.users();
        if (batch.isEmpty()) return;
        List<Account> accounts;
        try {
            accounts = p.accounts().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing passwords failed: " + e.getCause(), e.getCause());
        }
        Set<EntityBareJid> created = new HashSet<>(stores.accounts().createAll(accounts));
        for (UserData u : batch) {
            String where = u.jid.toString();
            if (created.contains(u.jid)) report.accountsCreated++;
            else {
                report.accountsKept++;
                report.skip(where, "account exists: its credentials and flags are kept");
            }
            roster(u, where, created.contains(u.jid), report);
            if (u.vcard != null) {
                stores.keyValue().put(u.jid, PortableFormat.VCARD, "vcard", u.vcard);
                report.vcards++;
            }
            for (UserData.Data d : u.data) {
                stores.keyValue().put(u.jid, d.namespace(), d.key(), d.value());
                report.data++;
            }
            offline(u, where, report);
        }
    }

    /** New accounts of a batch, run on the hashing pool: PBKDF2 of passwords dominates an import. */
    private List<Account> accounts(List<UserData> batch) {
        List<Account> out = new ArrayList<>(batch.size());
        for (UserData u : batch) {
            if (stores.accounts().find(u.jid).isPresent()) continue; // kept as it is: no need to hash
            List<ScramCredential> credentials = u.credentials.isEmpty()
                    ? List.of(Scram.credential(ScramHash.SHA_1, u.password, iterations), Scram.credential(ScramHash.SHA_256, u.password, iterations))
                    : u.credentials;
            out.add(new Account(u.jid, credentials, u.admin, u.disabled, u.created));
        }
        return out;
    }

    /** A new account's roster is empty (deleting an account deletes its roster): no need to read it. */
    private void roster(UserData u, String where, boolean newAccount, ImportReport report) {
        List<RosterItem> items = u.rosterWithRequests();
        if (items.isEmpty()) return;
        Set<String> present = new HashSet<>();
        if (!newAccount) for (RosterItem i : stores.roster().items(u.jid)) present.add(i.contact().toString());
        int room = Math.max(0, rosterLimit - present.size());
        List<RosterItem> kept = new ArrayList<>(items.size());
        for (RosterItem i : items) {
            if (present.contains(i.contact().toString()) || room-- > 0) kept.add(i);
            else report.skip(where, "roster item " + i.contact() + ": more than " + rosterLimit + " contacts (limits.rosterItems)");
        }
        stores.roster().putAll(u.jid, kept);
        report.rosterItems += kept.size();
    }

    private void offline(UserData u, String where, ImportReport report) {
        if (u.offline.isEmpty()) return;
        List<Element> existing = stores.offline().list(u.jid).stream().map(OfflineMessage::stanza).toList();
        for (OfflineMessage m : u.offline) {
            if (existing.contains(m.stanza())) {
                report.skip(where, "offline message already stored");
            } else if (stores.offline().store(u.jid, m, offlineQuota)) {
                report.offlineMessages++;
            } else {
                report.skip(where, "offline message over the quota of " + offlineQuota + " (limits.offlineMessages)");
            }
        }
    }
}
