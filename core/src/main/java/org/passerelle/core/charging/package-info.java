/**
 * Billing's seam in the core: {@link org.passerelle.core.charging.Chargeable} describes a billable
 * event, the charging module's {@link org.passerelle.core.charging.Pricer} prices it, and the part
 * that did it writes the record with its own state ({@link org.passerelle.core.charging.Charging}).
 */
package org.passerelle.core.charging;
