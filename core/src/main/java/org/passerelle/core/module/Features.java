package org.passerelle.core.module;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** The disco features and identities of the running modules, for the server and for accounts. */
public final class Features {
    private final Set<String> server = new TreeSet<>();
    private final Set<String> account = new TreeSet<>();
    private final List<Identity> serverIdentities = new CopyOnWriteArrayList<>();
    private final List<Implements> implemented = new CopyOnWriteArrayList<>();

    public synchronized void addServer(String feature) { server.add(feature); }

    public synchronized void addAccount(String feature) { account.add(feature); }

    public void addIdentity(Identity identity) { serverIdentities.add(identity); }

    synchronized void add(Implements spec) {
        implemented.add(spec);
        for (String f : spec.features()) server.add(f);
        for (String f : spec.accountFeatures()) account.add(f);
    }

    public synchronized Set<String> server() { return Set.copyOf(server); }

    public synchronized Set<String> account() { return Set.copyOf(account); }

    public List<Identity> identities() { return List.copyOf(serverIdentities); }

    /** Every specification the running modules implement. */
    public List<Implements> implemented() { return List.copyOf(implemented); }
}
