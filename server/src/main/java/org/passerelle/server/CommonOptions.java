package org.passerelle.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.config.ServerConfig;
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
}
