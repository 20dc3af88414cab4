/**
 * XEP-0054 vcard-temp: an account sets its own vCard (at most {@code modules.vcard.maxBytes} of
 * XML, else {@code not-acceptable}); anyone may read it, as the XEP's security section says
 * vCards are world-readable. Without a stored vCard the owner gets an empty {@code <vCard/>}
 * and others {@code item-not-found} (XEP-0054 §3.3 wants an error there). Setting an empty vCard
 * deletes it. Kept in the key-value store under {@code vcard-temp}, removed with the account.
 */
package org.passerelle.modules.vcard;
