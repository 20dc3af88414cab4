/**
 * XEP-0030 service discovery for each hosted domain and for each account's bare JID.
 *
 * <p>A domain answers with the server identity ({@code server/im}), the features of every running
 * module ({@link org.passerelle.core.module.Features#server()}), XEP-0128 forms, and as items the
 * services modules registered. The same info answers the nodes other modules declare as aliases
 * (XEP-0115 {@code node#ver}); other nodes go to the core's disco node registry (ad-hoc
 * commands), and an unknown node is {@code item-not-found}.
 *
 * <p>An account's bare JID answers on the account's behalf ({@code account/registered} and
 * {@link org.passerelle.core.module.Features#account()}), but only to the owner and to contacts
 * the owner shares presence with (subscription {@code from} or {@code both}): XEP-0030 §8 asks for
 * {@code service-unavailable} otherwise, which also hides whether the account exists.
 */
package org.passerelle.modules.disco;
