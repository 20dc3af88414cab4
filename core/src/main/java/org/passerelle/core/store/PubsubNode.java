package org.passerelle.core.store;

import java.util.List;
import org.jxmpp.jid.EntityBareJid;

/**
 * One personal eventing node of an account and its configuration (XEP-0060 §16.4.4).
 *
 * @param maxItems     how many items the node keeps, newest first
 * @param persistItems false: items are only sent as notifications, never kept
 * @param sendLast     {@code pubsub#send_last_published_item}: "never", "on_sub" or "on_sub_and_presence"
 * @param rosterGroups the owner's roster groups allowed by the {@code roster} access model
 */
public record PubsubNode(EntityBareJid owner, String name, PubsubAccess access, int maxItems, boolean persistItems,
                         String sendLast, List<String> rosterGroups) {
    public PubsubNode {
        rosterGroups = List.copyOf(rosterGroups);
    }

    public PubsubNode withConfig(PubsubAccess newAccess, int newMaxItems, boolean newPersist, String newSendLast,
                                 List<String> newGroups) {
        return new PubsubNode(owner, name, newAccess, newMaxItems, newPersist, newSendLast, newGroups);
    }
}
