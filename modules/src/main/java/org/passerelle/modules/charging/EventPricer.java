package org.passerelle.modules.charging;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.charging.Pricer;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.store.ChargingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link Pricer}: prices what gateways (SMS segments, e-mails) and other parts have
 * to bill, which write the record with their own state. Refused, with a warning and no record:
 * no user or one not hosted here, a direction other than in or out, a negative quantity, unit day
 * (daily plans are charged by this module), and traffic no tariff item prices (an unknown channel
 * or unit included). A quantity of zero is nothing to charge.
 */
final class EventPricer implements Pricer {
    private static final Logger LOG = LoggerFactory.getLogger(EventPricer.class);
    /** Unpriced traffic is warned about once per kind; a faulty publisher cannot grow this without bound. */
    private static final int MAX_WARNED = 100;

    private final ServerContext server;
    private final Charges charges;
    private final Tariff tariff;
    private final Duration reportInterval;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    EventPricer(ServerContext server, Charges charges, Tariff tariff, Duration reportInterval) {
        this.server = server;
        this.charges = charges;
        this.tariff = tariff;
        this.reportInterval = reportInterval;
    }

    @Override
    public boolean bills(String channel) {
        return tariff.bills(channel);
    }

    @Override
    public Duration reportInterval() {
        return reportInterval;
    }

    @Override
    public ChargingRecord price(Chargeable e) {
        String refused = refusal(e);
        if (refused != null) {
            LOG.warn("not charging {} {} {} x{} for {}: {}", e.channel(), e.direction(), e.unit(), e.quantity(), e.user(), refused);
            return null;
        }
        if (e.quantity() == 0) return null;
        ChargingRecord r = charges.price(e.at() != null ? e.at() : server.clock().instant(), e.user(), e.peer() == null ? "" : e.peer(),
                e.channel(), e.direction(), e.unit(), e.quantity());
        if (r == null) {
            String kind = e.channel() + " " + e.direction() + " " + e.unit();
            if (warned.size() < MAX_WARNED && warned.add(kind)) {
                LOG.warn("not charging {}: no tariff item prices it (said once per kind)", kind);
            } else {
                LOG.debug("not charging {} for {}: no tariff item prices it", kind, e.user());
            }
        }
        return r;
    }

    private String refusal(Chargeable e) {
        if (e.user() == null) return "no user";
        if (!server.domains().isLocal(e.user().asDomainBareJid())) return "the user is not on a hosted domain";
        if (e.channel() == null || e.unit() == null) return "no channel or unit";
        if (!"in".equals(e.direction()) && !"out".equals(e.direction())) return "direction must be in or out";
        if (e.quantity() < 0) return "negative quantity";
        if (e.unit().equals("day")) return "daily plans are charged by the charging module itself";
        return null;
    }
}
