package org.passerelle.core.charging;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * Something an operator may bill: a message in or out on a channel, SMS segments, data volume.
 * The part that did it (a gateway for what it sent or received) has it priced by {@link
 * Charging#price} and writes the records with its own state, in one transaction.
 *
 * @param user      the local account charged
 * @param peer      the other side (a JID, a phone number, an e-mail address), for the statement
 * @param channel   {@code xmpp}, {@code sms}, {@code mail}, later {@code sip}, {@code irc}, {@code s2s}
 * @param direction {@code in} (received by the user) or {@code out} (sent by the user)
 * @param unit      what is counted: {@code message}, {@code segment}, {@code byte}
 * @param quantity  how many units
 */
public record Chargeable(Instant at, EntityBareJid user, String peer, String channel, String direction, String unit,
                         long quantity) {
}
