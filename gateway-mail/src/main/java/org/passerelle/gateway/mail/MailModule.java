package org.passerelle.gateway.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.event.AccountDeleted;
import org.passerelle.core.event.InitialPresence;
import org.passerelle.core.event.MessageUndeliverable;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.module.ServerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail forwarding (issue 6): users opt in with a verified address through the ad-hoc command
 * {@value ForwardCommand#NODE}; messages that reach them offline are mailed in batches through
 * the relay ({@link Forwarder}); replies to the mails' reply addresses come back through the
 * embedded SMTP receiver ({@link ReplyReceiver}) as chat messages from the user. Off unless
 * {@code modules.mail.enabled}. Not a XEP: no disco feature, the command is listed by XEP-0050.
 */
public final class MailModule implements Module {
    /** Before offline storage (100): forwarding is a copy, the message is stored as well. */
    static final int PRIORITY = 60;
    private static final Logger LOG = LoggerFactory.getLogger(MailModule.class);

    private ReplyReceiver receiver;

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public void start(ModuleContext ctx) {
        MailOptions options = ctx.options(MailOptions.class);
        if (!options.enabled()) return;
        ServerContext server = ctx.server();
        MailSender sender = new MailSender(options.relay(), server.clock());
        ReplyTokens tokens = null;
        if (options.replies() != null) {
            tokens = new ReplyTokens(server.stores().mail(), server.clock(), options.replies().domain(),
                    Duration.ofDays(options.replies().tokenDays()));
            try {
                receiver = new ReplyReceiver(server, options.replies(), tokens, options.maxBodyChars());
            } catch (IOException e) {
                throw new UncheckedIOException("mail: cannot resolve replies.listenHost " + options.replies().listenHost(), e);
            }
            receiver.start();
            ctx.onStop(receiver::close);
            LOG.info("mail: reply receiver for {} on {}:{}", options.replies().domain(), options.replies().listenHost(), receiver.port());
        }
        Forwarder forwarder = new Forwarder(server, options, sender, tokens);
        ctx.on(MessageUndeliverable.class, PRIORITY, forwarder::undeliverable);
        ctx.on(InitialPresence.class, PRIORITY, e -> {
            forwarder.userBack(e.session().jid().asEntityBareJid());
            return false;
        });
        ctx.on(AccountDeleted.class, PRIORITY, e -> {
            server.stores().mail().deleteAll(e.account());
            return false;
        });
        ForwardCommand command = new ForwardCommand(server, sender, options);
        ctx.discoNode(command.node(), command);

        long period = Math.clamp(options.batchSeconds() / 5, 1, 30);
        ScheduledFuture<?> tick = server.scheduler().scheduleWithFixedDelay(() -> server.workers().execute(forwarder::flush),
                period, period, TimeUnit.SECONDS);
        ctx.onStop(() -> tick.cancel(false));
    }

    /** The reply receiver's port, for tests that let it pick one; -1 when replies are off. */
    int replyPort() {
        return receiver == null ? -1 : receiver.port();
    }
}
