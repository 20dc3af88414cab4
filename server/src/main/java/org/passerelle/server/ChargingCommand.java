package org.passerelle.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.web.admin.ChargingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code passerelle charging report|subscribe|unsubscribe}: statements and records (docs/CHARGING.md),
 * read from the data directory, server running or not.
 */
@Command(name = "charging", description = "Charging records, statements and daily plans.",
        subcommands = {ChargingCommand.Report.class, ChargingCommand.Subscribe.class, ChargingCommand.Unsubscribe.class})
final class ChargingCommand {
    /** Records are read this many at a time. */
    private static final int PAGE = 10_000;

    @Command(name = "report", description = "Print the statement (or the records) of a period as CSV or JSON.")
    static final class Report implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day (UTC), or an instant") String from;
        @Option(names = "--to", required = true, paramLabel = "DATE", description = "the day after the last (UTC), or an instant") String to;
        @Option(names = "--user", paramLabel = "JID", description = "one account (default: every account)") String user;
        @Option(names = "--format", paramLabel = "FORMAT", description = "csv or json (default csv)") String format = "csv";
        @Option(names = "--records", description = "every record instead of the totals") boolean records;

        @Override
        public Integer call() throws Exception {
            if (!format.equals("csv") && !format.equals("json")) throw new IllegalArgumentException("--format must be csv or json");
            ChargingReport.Period period = ChargingReport.Period.parse(from, to);
            EntityBareJid account = user == null ? null : UserCommand.account(user);
            String out = common.withCore(false, ctx -> {
                ChargingStore store = ctx.stores().charging();
                if (!records) {
                    ChargingReport.Statement s = ChargingReport.statement(store, account, period);
                    return format.equals("csv") ? ChargingReport.statementCsv(s) : ChargingReport.statementJson(s);
                }
                List<ChargingRecord> all = new ArrayList<>();
                List<ChargingRecord> page;
                do {
                    page = store.records(account, period.from(), period.to(), all.isEmpty() ? 0 : all.getLast().id(), PAGE);
                    all.addAll(page);
                } while (page.size() == PAGE);
                return format.equals("csv") ? ChargingReport.recordsCsv(all) : ChargingReport.recordsJson(account, period, all, null);
            });
            System.out.print(out);
            return 0;
        }
    }

    @Command(name = "subscribe", description = "Charge an account a daily plan (a tariff item with unit day) from a day on.")
    static final class Subscribe implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(index = "0", paramLabel = "JID") String jid;
        @Parameters(index = "1", paramLabel = "ITEM") String item;
        @Option(names = "--since", paramLabel = "DATE", description = "first day charged (default today, UTC)") LocalDate since;

        @Override
        public Integer call() throws Exception {
            EntityBareJid account = UserCommand.account(jid);
            LocalDate first = since != null ? since : LocalDate.now(java.time.ZoneOffset.UTC);
            boolean added = common.withCore(false, ctx -> {
                if (!ctx.accounts().exists(account)) throw new IllegalArgumentException("no account " + account);
                return ctx.stores().charging().subscribe(account, item, first);
            });
            System.out.println(added ? account + " has " + item + " from " + first : account + " has " + item + " already");
            return added ? 0 : 1;
        }
    }

    @Command(name = "unsubscribe", description = "End an account's daily plan (its records stay).")
    static final class Unsubscribe implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(index = "0", paramLabel = "JID") String jid;
        @Parameters(index = "1", paramLabel = "ITEM") String item;

        @Override
        public Integer call() throws Exception {
            EntityBareJid account = UserCommand.account(jid);
            boolean removed = common.withCore(false, ctx -> ctx.stores().charging().unsubscribe(account, item));
            System.out.println(removed ? account + " no longer has " + item : account + " has no " + item);
            return removed ? 0 : 1;
        }
    }
}
