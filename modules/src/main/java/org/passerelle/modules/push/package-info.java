/**
 * XEP-0357 push notifications: waking a phone whose app is closed.
 *
 * <p><b>Registrations.</b> A client sends {@code <enable jid='app server' node='node'/>} (with an
 * optional publish-options form, XEP-0357 §5) to its account; each (jid, node) is one
 * registration, kept in the key-value store with the resource of the client that made it, so an
 * account can have one per device (up to {@code maxRegistrationsPerAccount}). {@code <disable/>}
 * removes one (with a node) or all of that app server's (§6); so does an app server's pubsub
 * affiliation 'none' message (§8), an error answer to a notification (§7.1, except type wait),
 * and the account's deletion.
 *
 * <p><b>Notifications.</b> The message module publishes {@code AppAway} for a message with a
 * body to an account whose apps are offline or detached awaiting XEP-0198 resumption. The SMS
 * gateway listens first (priority 10) and consumes it when it forwards by SMS; this module
 * listens at 50 and, for each registration whose client is not connected, publishes from the
 * user's bare JID a {@code urn:xmpp:push:summary} form: message-count since the user was last
 * connected (reset by a new or resumed session), last-message-sender, and last-message-body only
 * when the client put {@code include-body=true} in its form and the operator allows it. That field
 * is ours and is removed from the form sent back as publish-options. At most one notification per
 * registration per {@code minIntervalSeconds}: what arrives meanwhile goes into one later
 * notification with the total count.
 */
package org.passerelle.modules.push;
