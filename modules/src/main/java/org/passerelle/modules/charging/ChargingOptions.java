package org.passerelle.modules.charging;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code modules.charging}; every key is optional (docs/CHARGING.md). With no tariff nothing is
 * billable and nothing is recorded.
 *
 * @param tariff                   the priced items; traffic no item prices is not recorded
 * @param gatewayDomains           first labels of the gateway domains ({@code sms.<domain>} ...): messages to
 *                                 or from them are not billed as xmpp, the gateway bills them on its own channel
 *                                 (default sms, mail, sip, irc)
 * @param timeZone                 where a day of a daily plan begins and ends (default UTC)
 * @param subscriptionCheckMinutes how often daily plans are charged (default 60; each day once)
 * @param dataReportMinutes        how often a connection reports its data volume while it lasts (default 60;
 *                                 also at its end); each report is one record per direction, rounded up on its own
 */
public record ChargingOptions(List<TariffItem> tariff, List<String> gatewayDomains, String timeZone, Integer subscriptionCheckMinutes,
                              Integer dataReportMinutes) {
    public ChargingOptions {
        if (tariff == null) tariff = List.of();
        if (gatewayDomains == null) gatewayDomains = List.of("sms", "mail", "sip", "irc");
        if (timeZone == null) timeZone = "UTC";
        if (subscriptionCheckMinutes == null) subscriptionCheckMinutes = 60;
        if (dataReportMinutes == null) dataReportMinutes = 60;
        tariff = List.copyOf(tariff);
        gatewayDomains = List.copyOf(gatewayDomains);
        for (TariffItem i : tariff) if (i == null) throw new IllegalArgumentException("tariff: an item is empty");
        new Tariff(tariff); // refuses duplicates
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone must be a zone such as UTC or Europe/London, not " + timeZone);
        }
        if (subscriptionCheckMinutes < 1 || subscriptionCheckMinutes > 1440) {
            throw new IllegalArgumentException("subscriptionCheckMinutes must be between 1 and 1440");
        }
        if (dataReportMinutes < 1 || dataReportMinutes > 1440) {
            throw new IllegalArgumentException("dataReportMinutes must be between 1 and 1440");
        }
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
