package org.passerelle.server;

import org.passerelle.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code passerelle}: the server and its administration commands. */
@Command(name = "passerelle", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Passerelle instant-messaging and presence server (XMPP).",
        subcommands = {RunCommand.class, UserCommand.class, TokenCommand.class, ChargingCommand.class, ConfigCommand.class,
                PortableCommand.Import.class, PortableCommand.Export.class})
public final class Main {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("passerelle: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Passerelle " + (v == null ? "dev" : v)};
        }
    }
}
