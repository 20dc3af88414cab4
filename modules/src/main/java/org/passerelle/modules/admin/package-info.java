/**
 * XEP-0133 service administration: ad-hoc commands (see {@link org.passerelle.modules.adhoc})
 * with the XEP's node names and form fields, for accounts flagged admin, each acting on the
 * accounts and sessions of its own domain. Non-admins neither see nor run them.
 */
package org.passerelle.modules.admin;
