package org.passerelle.server;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.server.portable.ImportReport;
import org.passerelle.server.portable.PortableExporter;
import org.passerelle.server.portable.PortableImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code passerelle import FILE} and {@code passerelle export FILE}: XEP-0227 files, server running or not. */
final class PortableCommand {
    private PortableCommand() {
    }

    @Command(name = "import", description = "Import accounts, rosters, vCards and offline messages from a XEP-0227 file (idempotent).")
    static final class Import implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--details", defaultValue = "20", description = "skipped items listed one by one (default ${DEFAULT-VALUE})") int details;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            ImportReport report = common.withCore(false, ctx -> {
                ServerConfig config = ctx.config();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    return new PortableImporter(ctx.stores(), ctx.domains(), config.auth().scramIterations(),
                            config.limits().rosterItems(), config.limits().offlineMessages(), ctx.clock()).importFrom(in);
                }
            });
            System.out.print(report.summary(details));
            System.out.printf("imported %s in %.1f s%n", file, (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    @Command(name = "export", description = "Export every account of the hosted domains (or those given) to a XEP-0227 file.")
    static final class Export implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--domain", description = "only this domain (repeatable)") List<String> only;

        @Override
        public Integer call() throws Exception {
            int users = common.withCore(false, ctx -> {
                List<String> domains = only != null ? only : ctx.config().domains().stream().map(d -> d.name()).toList();
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    return new PortableExporter(ctx.stores()).export(domains, out);
                }
            });
            System.out.println("exported " + users + " users to " + file);
            return 0;
        }
    }
}
