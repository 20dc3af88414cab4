package org.passerelle.gateway.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.AppAway;
import org.passerelle.core.module.DiscoItem;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.passerelle.gateway.sms.smpp.SmscConnection;
import org.passerelle.gateway.sms.smpp.SmscRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS gateway ({@code sms.<domain>}): an SMPP 3.4 client to the operator's SMSCs that links
 * phones to accounts, forwards messages to the phone while the user is away from their apps,
 * takes commands by SMS, and lets users text phones that have no account. Off unless
 * {@code modules.sms.enabled}. See docs/SMS.md.
 */
@Implements(spec = "XEP-0077", version = "2.5", note = "on sms.<domain> only: registering links a phone (form with a code sent by SMS)")
@Implements(spec = "XEP-0100", version = "1.0", note = "on sms.<domain>: registration links a phone, jabber:iq:gateway addresses phones; the gateway has no presence and does not subscribe to users")
@Implements(spec = "XEP-0184", version = "1.4.0", note = "SMSC delivery receipts of forwarded messages and of texts to phones become <received/>")
public final class SmsModule implements Module {
    private static final Logger LOG = LoggerFactory.getLogger(SmsModule.class);
    /** Before push notifications (50): a user who chose SMS is woken by SMS only. */
    static final int AWAY_PRIORITY = 10;
    /** How often incomplete MO texts are looked for (they are dropped {@link MoParts#MAX_AGE} after their latest part). */
    private static final long EXPIRY_MINUTES = 1;

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public void start(ModuleContext ctx) {
        SmsOptions options = ctx.options(SmsOptions.class);
        if (!options.enabled()) return;
        ServerContext server = ctx.server();
        List<SmscConnection> connections = new ArrayList<>();
        SmscConnection.Timing timing = new SmscConnection.Timing(options.reconnectMinSeconds() * 1000L,
                options.reconnectMaxSeconds() * 1000L, options.enquireLinkSeconds() * 1000, options.responseTimeoutSeconds() * 1000L);
        for (SmscOptions smsc : options.smscs()) {
            String source = smsc.sourceAddress() != null ? smsc.sourceAddress() : options.sourceAddress();
            int window = smsc.window() != null ? smsc.window() : options.window();
            connections.add(new SmscConnection(smsc, source, window, timing, server.scheduler(), server.workers()));
        }
        SmscRoutes routes = new SmscRoutes(connections);
        Outbox outbox = new Outbox(server.stores().sms(), routes, server.charging(), server.clock(), server.workers(), server.scheduler(), options);
        Gateway gateway = new Gateway(server, outbox, options);
        MobileOriginated inbound = new MobileOriginated(gateway, new MobileCommands(gateway));
        ScheduledFuture<?> expiry = server.scheduler().scheduleWithFixedDelay(() -> server.workers().execute(inbound::expireParts),
                EXPIRY_MINUTES, EXPIRY_MINUTES, TimeUnit.MINUTES);
        ctx.onStop(() -> expiry.cancel(false));
        PhoneLinking linking = new PhoneLinking(gateway, Duration.ofMinutes(options.codeMinutes()));
        for (DomainBareJid domain : server.domains().all()) {
            SmsService service = new SmsService(gateway, linking, domain);
            ctx.onStop(server.router().registerDomain(service.jid(), service::handle));
            ctx.discoItem(new DiscoItem(service.jid().toString(), null, "SMS"));
        }
        ctx.discoNode(LinkCommand.NODE, new LinkCommand(gateway, linking));
        ctx.on(AppAway.class, AWAY_PRIORITY, new Forwarding(gateway)::onAway);
        ctx.on(AccountDeleted.class, 100, e -> {
            gateway.forget(e.account());
            server.stores().sms().deleteAll(e.account());
            return false;
        });
        ctx.onStop(outbox::close);
        ctx.onStop(routes::close);
        routes.start(inbound, outbox::kick);
        gateway.resumeOnline();
        LOG.info("SMS gateway: {} SMSC(s): {}", connections.size(), connections.stream().map(SmscConnection::name).toList());
    }
}
