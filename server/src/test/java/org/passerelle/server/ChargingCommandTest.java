package org.passerelle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.Cli.run;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.Stores;
import org.passerelle.store.sql.SqlStores;

/** {@code passerelle charging report|subscribe|unsubscribe} on a data directory. */
class ChargingCommandTest {
    @TempDir
    Path dir;

    private void record(Stores stores, EntityBareJid user, String at, String channel, String amount, String currency) {
        stores.charging().add(new ChargingRecord(0, Instant.parse(at), user, "+447700900123", channel, "out", "message", 1,
                new BigDecimal(amount), currency, channel));
    }

    @Test
    void theReportReadsTheStoreAndItsTotalsMatchTheRecords() throws Exception {
        String data = dir.resolve("data").toString();
        Path pw = Files.writeString(dir.resolve("pw"), "secret-pw\n");
        run(0, "user", "add", "--data", data, "--password-file", pw.toString(), "kim@localhost");
        EntityBareJid kim = Jids.of("kim@localhost").asEntityBareJidOrThrow();
        EntityBareJid lee = Jids.of("lee@localhost").asEntityBareJidOrThrow();
        try (Stores stores = SqlStores.open(StorageConfig.defaults(), Path.of(data))) {
            for (int i = 0; i < 10; i++) record(stores, kim, "2026-11-0" + (i % 9 + 1) + "T10:00:00Z", "sms", "0.12", "GBP");
            record(stores, kim, "2026-12-01T00:00:00Z", "sms", "0.12", "GBP");
            record(stores, lee, "2026-11-05T00:00:00Z", "sms", "0.12", "GBP");
        }

        String statement = run(0, "charging", "report", "--data", data, "--from", "2026-11-01", "--to", "2026-12-01", "--user", "kim@localhost");
        assertThat(statement).isEqualTo("user,channel,direction,unit,currency,records,quantity,amount\r\n"
                + "kim@localhost,sms,out,message,GBP,10,10,1.20\r\n" + "total,,,,GBP,,,1.20\r\n");
        String everyone = run(0, "charging", "report", "--data", data, "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json");
        assertThat(everyone).contains("\"amount\" : \"1.32\"").contains("lee@localhost");
        String records = run(0, "charging", "report", "--data", data, "--from", "2026-11-01", "--to", "2026-12-01", "--user", "kim@localhost",
                "--records");
        String[] rows = records.split("\r\n");
        assertThat(rows).hasSize(11);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < rows.length; i++) sum = sum.add(new BigDecimal(rows[i].split(",")[8]));
        assertThat(sum.toPlainString()).isEqualTo("1.20");

        run(1, "charging", "report", "--data", data, "--from", "2026-12-01", "--to", "2026-11-01");
        run(1, "charging", "report", "--data", data, "--from", "2026-11-01", "--to", "2026-12-01", "--format", "xml");
    }

    @Test
    void dailyPlansAreStartedAndEnded() throws Exception {
        String data = dir.resolve("data").toString();
        Path pw = Files.writeString(dir.resolve("pw"), "secret-pw\n");
        run(0, "user", "add", "--data", data, "--password-file", pw.toString(), "kim@localhost");
        assertThat(run(0, "charging", "subscribe", "--data", data, "--since", "2026-11-03", "kim@localhost", "icq-mobile"))
                .isEqualTo("kim@localhost has icq-mobile from 2026-11-03\n");
        run(1, "charging", "subscribe", "--data", data, "kim@localhost", "icq-mobile");
        run(1, "charging", "subscribe", "--data", data, "nobody@localhost", "icq-mobile");
        run(0, "charging", "unsubscribe", "--data", data, "kim@localhost", "icq-mobile");
        run(1, "charging", "unsubscribe", "--data", data, "kim@localhost", "icq-mobile");
    }
}
