package org.passerelle.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.passerelle.bench.population.PopulationWriter;
import org.passerelle.bench.scenario.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passerelle bench population}: writes the population as a XEP-0227 file. */
@Command(name = "population", mixinStandardHelpOptions = true,
        description = "Write N benchmark accounts with ring rosters as a XEP-0227 file (for ./passerelle import, ejabberdctl import_piefxis, ...).")
final class PopulationCommand implements Callable<Integer> {
    @Option(names = "--users", required = true) int users;
    @Option(names = "--contacts", defaultValue = "50", description = "roster size, even (default ${DEFAULT-VALUE}; 0 = no rosters)") int contacts;
    @Option(names = "--roster-users", defaultValue = "0", description = "only the first N users have rosters, among themselves (0 = all)") int rosterUsers;
    @Option(names = "--domain", defaultValue = "localhost") String domain;
    @Option(names = "--user-pattern", defaultValue = "bench%d") String userPattern;
    @Option(names = "--password-pattern", defaultValue = "pw%d") String passwordPattern;
    @Option(names = "--out", required = true) Path out;

    @Override
    public Integer call() throws Exception {
        PopulationWriter writer = new PopulationWriter(new Users(userPattern, passwordPattern, domain), users, contacts,
                rosterUsers > 0 ? rosterUsers : users);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(w);
        }
        System.err.println("bench: wrote " + users + " users with " + contacts + " contacts each to " + out);
        return 0;
    }
}
