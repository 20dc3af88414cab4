package org.passerelle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code passerelle token create|list|revoke} on a data directory. */
class TokenCommandTest {
    @TempDir
    Path dir;

    private static String run(int expectedExit, String... args) {
        return Cli.run(expectedExit, args).strip();
    }

    @Test
    void anAdminGetsATokenThatIsListedAndRevoked() throws Exception {
        String data = dir.resolve("data").toString();
        Path pw = Files.writeString(dir.resolve("pw"), "secret-pw\n");
        run(0, "user", "add", "--data", data, "--password-file", pw.toString(), "--admin", "admin@localhost");
        run(0, "user", "add", "--data", data, "--password-file", pw.toString(), "bob@localhost");

        String token = run(0, "token", "create", "--data", data, "--admin", "admin@localhost", "--name", "ci");
        assertThat(token).startsWith("psr.");
        String id = token.split("\\.")[2];
        assertThat(run(0, "token", "list", "--data", data, "--admin", "admin@localhost")).startsWith(id + "  ci  created ");
        assertThat(run(0, "token", "revoke", "--data", data, "--admin", "admin@localhost", id)).isEqualTo("revoked " + id);
        assertThat(run(0, "token", "list", "--data", data, "--admin", "admin@localhost")).isEmpty();
        assertThat(run(1, "token", "revoke", "--data", data, "--admin", "admin@localhost", id)).startsWith("no token");
        assertThat(new CommandLine(new Main()).execute("token", "create", "--data", data, "--admin", "bob@localhost", "--name", "x"))
                .as("not an admin").isNotZero();
    }
}
