package org.passerelle.core.store;

import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

public interface AccountStore {
    Optional<Account> find(EntityBareJid jid);

    /** Adds the account; false (and nothing changed) if it exists already. */
    boolean create(Account account);

    /**
     * Adds every account that does not exist yet, as one batch (bulk import); returns the JIDs
     * created, in order. The default creates them one by one.
     */
    default List<EntityBareJid> createAll(List<Account> accounts) {
        List<EntityBareJid> created = new java.util.ArrayList<>();
        for (Account a : accounts) if (create(a)) created.add(a.jid());
        return created;
    }

    /** Replaces credentials and flags of an existing account; false if there is none. */
    boolean update(Account account);

    /** Removes the account row only; other stores are cleaned through the AccountDeleted event. */
    boolean delete(EntityBareJid jid);

    /** Accounts of a domain in JID order, paged. */
    List<EntityBareJid> list(String domain, int offset, int limit);

    long count(String domain);
}
