package org.passerelle.core.routing;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;

/** The domains this server hosts (virtual hosts). */
public final class Domains {
    private final Set<DomainBareJid> hosted;

    public Domains(Set<DomainBareJid> hosted) {
        if (hosted.isEmpty()) throw new IllegalArgumentException("at least one domain must be hosted");
        this.hosted = Set.copyOf(new LinkedHashSet<>(hosted));
    }

    public boolean isLocal(DomainBareJid domain) {
        return hosted.contains(domain);
    }

    /** True for a JID of a hosted domain (the domain itself, an account, or a resource). */
    public boolean isLocal(Jid jid) {
        return jid != null && hosted.contains(jid.asDomainBareJid());
    }

    public Set<DomainBareJid> all() {
        return hosted;
    }
}
