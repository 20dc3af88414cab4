/**
 * XEP-0115 entity capabilities of the server itself: after authentication the stream features
 * carry {@code <c hash='sha-1' node='https://passerelle.im' ver='…'/>}, so a client that has seen
 * this server's disco#info before does not ask again. {@link org.passerelle.modules.caps.VerificationString}
 * computes {@code ver} (XEP-0115 §5.1) from the same identities, features and XEP-0128 forms the
 * disco module answers with; {@code node#ver} is declared as an alias of the server's disco#info.
 * Nothing is advertised while no disco identity exists (the disco module is not running).
 */
package org.passerelle.modules.caps;
