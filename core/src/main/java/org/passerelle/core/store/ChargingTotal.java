package org.passerelle.core.store;

import java.math.BigDecimal;
import org.jxmpp.jid.EntityBareJid;

/**
 * One line of a statement: the records of one user with the same channel, direction, unit and
 * currency in a period, summed exactly by the store.
 */
public record ChargingTotal(EntityBareJid user, String channel, String direction, String unit, String currency,
                            long records, long quantity, BigDecimal amount) {
}
