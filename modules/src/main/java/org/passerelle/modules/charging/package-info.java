/**
 * Per-event charging (docs/CHARGING.md): a charging data record for each billable event, priced
 * with the tariff in {@code modules.charging} and written through the
 * {@link org.passerelle.core.store.ChargingStore} before the event goes on.
 *
 * <p><b>What is billed.</b> Only traffic a tariff item prices. XMPP ({@code xmpp}, unit
 * {@code message}): a chat or normal message with a body that a local client sends to an existing
 * local account or a service under a hosted domain ({@code out}, one per message, whatever the
 * number of resources), and one routed to a local account that exists ({@code in}); between two
 * local users that is one {@code out} for the sender and one {@code in} for the recipient. A
 * groupchat message is one {@code out} for its sender when the room broadcasts it; the copies
 * occupants receive are not billed. Events other parts report with
 * {@link org.passerelle.core.event.Chargeable} (SMS segments and messages, e-mails, data volume),
 * see {@link org.passerelle.modules.charging.GatewayCharges}. Daily plans per subscribed account,
 * see {@link org.passerelle.modules.charging.DailyCharges}.
 *
 * <p><b>Not billed.</b> Chat states, receipts, markers and other messages without a body;
 * errors and headlines; groupchat copies; messages to oneself; carbon copies, archive results,
 * offline messages handed over at login (billed once when they arrived); messages to or from a
 * gateway domain (the gateway bills them on its channel); remote domains (no s2s yet); presence
 * and IQs. XMPP data volume is not measured yet (a {@code byte} Chargeable from a frontend would be).
 *
 * <p><b>Exactly once, and its limit.</b> A record is written synchronously (SQLite group commit,
 * PostgreSQL commit) before the message it charges is routed on; a write that fails refuses the
 * message with internal-server-error. The record and the delivery are not one transaction: a
 * crash after the record is written and before the message is delivered or stored offline charges
 * a message that is lost.
 */
package org.passerelle.modules.charging;
