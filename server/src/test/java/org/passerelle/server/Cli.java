package org.passerelle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs a {@code passerelle} command line in-process for the CLI tests. */
final class Cli {
    private Cli() {
    }

    /**
     * Its standard output, after checking the exit code. Errors exit 1 here: the handler that
     * makes them 2 is installed by Main.main.
     */
    static String run(int expectedExit, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new Main()).execute(args)).as(String.join(" ", args)).isEqualTo(expectedExit);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
