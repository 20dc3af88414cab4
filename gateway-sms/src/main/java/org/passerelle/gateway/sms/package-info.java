/**
 * The SMS gateway: {@link org.passerelle.gateway.sms.SmsModule} wires the SMPP connections
 * ({@code smpp}), the durable outbox, phone linking (an ad-hoc command), forwarding on
 * {@link org.passerelle.core.event.AppAway}, commands from phones ({@code commands}) and
 * {@code sms.<domain>} for phones as contacts. See docs/SMS.md.
 */
package org.passerelle.gateway.sms;
