package org.passerelle.server.portable;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
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
 * Imports a XEP-0227 file into the stores, in batches of users: passwords are turned into SCRAM
 * credentials on every core, accounts are created in one transaction per batch, each roster in
 * one. Idempotent: an existing account keeps its credentials and flags, roster items and data
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

    public ImportReport importFrom(InputStream in) throws Exception {
        ImportReport report = new ImportReport();
        UserParser parser = new UserParser(report, clock.instant());
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
                    write(batch, report);
                    batch.clear();
                }
            }

            @Override
            public void skipped(String where, String what) {
                report.skip(where, "not supported: " + what);
            }
        });
        write(batch, report);
        return report;
    }

    private boolean hosted(String domain) {
        try {
            return domain != null && domains.isLocal(Jids.of(domain));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void write(List<UserData> batch, ImportReport report) {
        if (batch.isEmpty()) return;
        List<Account> accounts = accounts(batch);
        Set<EntityBareJid> created = new HashSet<>(stores.accounts().createAll(accounts));
        for (UserData u : batch) {
            String where = u.jid.toString();
            if (created.contains(u.jid)) report.accountsCreated++;
            else {
                report.accountsKept++;
                report.skip(where, "account exists: its credentials and flags are kept");
            }
            roster(u, where, report);
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

    /** Accounts for the batch; passwords are hashed in parallel (PBKDF2 dominates an import). */
    private List<Account> accounts(List<UserData> batch) {
        Account[] out = new Account[batch.size()];
        IntStream.range(0, batch.size()).parallel().forEach(i -> {
            UserData u = batch.get(i);
            List<ScramCredential> credentials = u.credentials.isEmpty()
                    ? List.of(Scram.credential(ScramHash.SHA_1, u.password, iterations), Scram.credential(ScramHash.SHA_256, u.password, iterations))
                    : u.credentials;
            out[i] = new Account(u.jid, credentials, u.admin, u.disabled, u.created);
        });
        return List.of(out);
    }

    private void roster(UserData u, String where, ImportReport report) {
        List<RosterItem> items = u.rosterWithRequests();
        if (items.isEmpty()) return;
        Set<String> present = new HashSet<>();
        for (RosterItem i : stores.roster().items(u.jid)) present.add(i.contact().toString());
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
