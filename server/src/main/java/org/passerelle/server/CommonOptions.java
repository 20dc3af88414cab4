package org.passerelle.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.passerelle.core.config.ConfigLoader;
import java.time.Clock;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.module.ModuleLoader;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.module.ServerContexts;
import org.passerelle.core.store.Stores;
import org.passerelle.store.sql.SqlStores;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --data}, shared by every command. */
final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: ./passerelle.yml if present, else built-in defaults)")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ./data)")
    Path data = Path.of("data");

    ServerConfig loadConfig() {
        Path file = config;
        if (file == null && Files.exists(Path.of("passerelle.yml"))) file = Path.of("passerelle.yml");
        return ConfigLoader.load(file);
    }

    DataDirectory dataDirectory() throws IOException {
        return DataDirectory.open(data);
    }

    /** Work an offline command does with the core. */
    @FunctionalInterface
    interface CoreAction<T> {
        T run(ServerContext ctx) throws Exception;
    }

    /**
     * Opens the stores and the core without listeners, for commands that work on the data
     * directory whether the server runs or not; {@code modules}: start them too (deleting an
     * account needs them to clean up, checking the configuration needs their options read).
     */
    <T> T withCore(boolean modules, CoreAction<T> action) throws Exception {
        ServerConfig config = loadConfig();
        try (Stores stores = SqlStores.open(config.storage(), dataDirectory().root())) {
            ServerContext ctx = ServerContexts.create(config, stores, Clock.systemUTC());
            try (ModuleLoader loader = new ModuleLoader(ctx)) {
                if (modules) loader.startAll();
                return action.run(ctx);
            } finally {
                ctx.scheduler().shutdownNow();
                ctx.workers().shutdown();
            }
        }
    }
}
