package org.passerelle.core.store;

import java.time.LocalDate;
import org.jxmpp.jid.EntityBareJid;

/**
 * An account's subscription to a plan charged per day (a tariff item with unit {@code day}).
 *
 * @param since          the first day charged
 * @param chargedThrough the last day charged, null before the first charge
 */
public record ChargingSubscription(EntityBareJid user, String item, LocalDate since, LocalDate chargedThrough) {
}
