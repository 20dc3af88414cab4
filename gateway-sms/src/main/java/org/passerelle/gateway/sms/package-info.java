/**
 * The SMS gateway: {@link org.passerelle.gateway.sms.SmsModule} wires the SMPP connections
 * ({@code smpp}), the durable outbox, phone linking ({@code PhoneLinking}: an ad-hoc command, or
 * XEP-0077 registration with the gateway), forwarding on
 * {@link org.passerelle.core.event.AppAway}, commands from phones ({@code commands}) and
 * {@code sms.<domain>} for phones as contacts (addressed with XEP-0100 {@code jabber:iq:gateway}). See docs/SMS.md.
 */
package org.passerelle.gateway.sms;
