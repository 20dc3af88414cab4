/**
 * XEP-0077 in-band registration. Before authentication, {@link org.passerelle.modules.register.Registration}
 * creates accounts on the domains whose {@code registration} switch is on, at most
 * {@code limits.registrationsPerHour} per IP address; after it,
 * {@link org.passerelle.modules.register.AccountRegistration} changes the password or removes the
 * account and closes its sessions.
 */
package org.passerelle.modules.register;
