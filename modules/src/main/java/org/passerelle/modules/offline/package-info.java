/**
 * Offline messages (XEP-0160): normal and chat messages that found no session are kept in the
 * {@link org.passerelle.core.store.OfflineStore}, up to {@code limits.offlineMessages} per
 * account, and given to the account's next session that sends initial presence with a
 * non-negative priority, oldest first, each with a XEP-0203 delay.
 */
package org.passerelle.modules.offline;
