/**
 * The roster (RFC 6121 §2): {@code jabber:iq:roster} get and set, roster pushes to the account's
 * interested sessions, versioning (§2.6, the {@code urn:xmpp:features:rosterver} stream feature)
 * and removal, which also cancels the subscriptions both ways (§2.5.2). Subscription states are
 * changed by the presence module; this module turns every
 * {@link org.passerelle.core.event.RosterItemChanged} into pushes.
 */
package org.passerelle.modules.roster;
