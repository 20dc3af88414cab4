/**
 * Per-event charging (docs/CHARGING.md): a charging data record for each billable event, priced
 * with the tariff in {@code modules.charging} and written in the same store transaction as the
 * event itself (see {@link org.passerelle.core.charging.Charging}).
 *
 * <p><b>What is billed.</b> Only traffic a tariff item prices. XMPP ({@code xmpp}, unit
 * {@code message}): a chat or normal message with a body that a local client sends to an existing
 * local account or a service under a hosted domain ({@code out}, one per message, whatever the
 * number of resources), and one routed to a local account that exists ({@code in}); between two
 * local users that is one {@code out} for the sender and one {@code in} for the recipient. A
 * groupchat message is one {@code out} for its sender when the room broadcasts it; the copies
 * occupants receive are not billed. Events other parts describe as
 * {@link org.passerelle.core.charging.Chargeable} (SMS segments and messages, e-mails, data volume)
 * are priced by {@link org.passerelle.modules.charging.EventPricer}. Daily plans per subscribed account,
 * see {@link org.passerelle.modules.charging.DailyCharges}.
 *
 * <p><b>Not billed.</b> Chat states, receipts, markers and other messages without a body;
 * errors and headlines; groupchat copies; messages to oneself; carbon copies, archive results,
 * offline messages handed over at login (billed once when they arrived); messages to or from a
 * gateway domain (the gateway bills them on its channel); remote domains (no s2s yet); presence
 * and IQs. XMPP data volume is not measured yet (a {@code byte} Chargeable from a frontend would be).
 *
 * <p><b>Exactly once.</b> A message to a local account carries its records to the step that
 * delivers it: the offline store writes them with the message, the message module commits them
 * just before the hand-over to online sessions; a write that fails refuses the message with
 * internal-server-error, and a message nobody takes is charged to nobody.
 */
package org.passerelle.modules.charging;
