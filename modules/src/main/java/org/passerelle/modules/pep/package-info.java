/**
 * XEP-0163 personal eventing on the XEP-0060 basics it needs. Each account's bare JID is a
 * pubsub service for its own nodes (stored through {@link org.passerelle.core.store.PubsubStore}):
 * the owner publishes (nodes are created on first publish, publish-options are preconditions),
 * retracts, configures and deletes; others retrieve items as the node's access model allows
 * ({@link org.passerelle.modules.pep.Access}). Notifications go to the owner's resources and to
 * presence subscribers whose XEP-0115 caps carry {@code node+notify}
 * ({@link org.passerelle.modules.pep.Notifier}); the last item follows available presence and
 * newly learned caps ({@link org.passerelle.modules.pep.LastItems}). Avatar (XEP-0084),
 * geolocation (XEP-0080), mood, activity and bookmarks (XEP-0402) are ordinary nodes; only
 * geolocation coordinates and avatar data ids are checked ({@link org.passerelle.modules.pep.PayloadRules}).
 */
package org.passerelle.modules.pep;
