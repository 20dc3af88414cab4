package org.passerelle.server;

import java.util.concurrent.Callable;
import org.passerelle.core.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", description = "Configuration tools.", subcommands = ConfigCommand.Check.class)
final class ConfigCommand {
    @Command(name = "check", description = "Validate the configuration and print what it resolves to.")
    static final class Check implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            ServerConfig c = common.loadConfig();
            // Starting the modules on the real stores checks module options and the database connection too.
            java.util.List<String> modules = common.withCore(true, ctx -> ctx.features().implemented().stream()
                    .map(i -> i.spec()).distinct().sorted().toList());
            System.out.println("configuration is valid");
            System.out.println("  domains: " + c.domains().stream().map(d -> d.name() + (d.registration() ? " (registration on)" : "")).toList());
            System.out.println("  c2s: " + c.listeners().c2s() + ", direct TLS: " + c.listeners().c2sDirectTls());
            System.out.println("  web: http " + c.listeners().http() + ", https " + c.listeners().https()
                    + (c.web().client().enabled() ? ", web client at /" : ", web client off"));
            System.out.println("  admin: API and console " + (c.web().admin().enabled() ? "on (/api/v1, /admin), console idle "
                    + c.web().admin().consoleIdleMinutes() + " min" : "off") + "; /metrics " + (c.web().metrics().open() ? "public" : "for admins"));
            System.out.println("  storage: " + c.storage());
            System.out.println("  tls: " + (c.tls().certificate() == null ? "self-signed in the data directory" : c.tls().certificate())
                    + (c.tls().required() ? ", required" : ", optional"));
            System.out.println("  limits: " + c.limits());
            if (!c.disabledModules().isEmpty()) System.out.println("  disabled modules: " + c.disabledModules());
            System.out.println("  implements: " + String.join(", ", modules));
            return 0;
        }
    }
}
