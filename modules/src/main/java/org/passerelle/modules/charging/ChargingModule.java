package org.passerelle.modules.charging;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.charging.Pricer;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.GroupchatMessage;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;

/**
 * Per-event charging: prices what local users send and receive with the configured tariff and
 * keeps a charging data record of each billable event (docs/CHARGING.md).
 */
public final class ChargingModule implements Module {
    /** After blocking (10) and the archive (50) took what they refuse or keep; before carbons (100) copy it. */
    static final int INBOUND_PRIORITY = 60;
    /** After blocking (10) dropped what it drops and the archive (100) stamped its id. */
    static final int LOCAL_PRIORITY = 150;

    private DailyCharges daily;

    @Override
    public String name() {
        return "charging";
    }

    @Override
    public void start(ModuleContext ctx) {
        ServerContext server = ctx.server();
        ChargingOptions options = ctx.options(ChargingOptions.class);
        Tariff tariff = new Tariff(options.tariff());
        Charges charges = new Charges(tariff);
        if (tariff.bills(XmppTraffic.CHANNEL)) {
            XmppTraffic xmpp = new XmppTraffic(server, charges, options.gatewayDomains());
            ctx.inbound(INBOUND_PRIORITY, xmpp::sent);
            ctx.local(LOCAL_PRIORITY, xmpp::received);
            ctx.on(GroupchatMessage.class, 200, xmpp::groupchat);
        }
        server.charging().setPricer(new EventPricer(server, charges, tariff, Duration.ofMinutes(options.dataReportMinutes())));
        ctx.onStop(() -> server.charging().setPricer(Pricer.NONE));
        ctx.on(AccountDeleted.class, 100, e -> {
            server.stores().charging().unsubscribeAll(e.account());
            return false;
        });
        daily = new DailyCharges(server.stores().charging(), tariff, server.clock(), options.zone());
        if (tariff.hasDaily()) {
            long every = options.subscriptionCheckMinutes();
            ScheduledFuture<?> timer = server.scheduler().scheduleWithFixedDelay(
                    () -> server.workers().execute(daily), 0, every, TimeUnit.MINUTES);
            ctx.onStop(() -> timer.cancel(false));
        }
    }

    /** Charges the daily plans now, as the timer does (tests, and after a subscription is added). */
    void chargeDailyPlans() {
        daily.run();
    }
}
