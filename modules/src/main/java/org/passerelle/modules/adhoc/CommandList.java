package org.passerelle.modules.adhoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.DiscoNode;
import org.passerelle.core.module.DiscoNodes;
import org.passerelle.core.module.Identity;

/** The node {@code http://jabber.org/protocol/commands}: the commands this requester may run (XEP-0050 §2.2). */
final class CommandList implements DiscoNode {
    private final DiscoNodes nodes;

    CommandList(DiscoNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public Info info(Jid requester, DomainBareJid domain) {
        return new Info(List.of(new Identity("automation", "command-list", "Commands")), List.of(AdhocModule.NS));
    }

    @Override
    public List<Item> items(Jid requester, DomainBareJid domain) {
        List<AdhocCommand> mine = new ArrayList<>();
        for (DiscoNode n : nodes.all().values()) {
            if (n instanceof AdhocCommand c && c.allowed(requester, domain)) mine.add(c);
        }
        mine.sort(Comparator.comparing(AdhocCommand::name));
        return mine.stream().map(c -> new Item(domain, c.node(), c.name())).toList();
    }
}
