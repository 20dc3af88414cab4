package org.passerelle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.passerelle.bench.stats.Comparison;
import org.passerelle.bench.stats.JsonLines;
import org.passerelle.bench.stats.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code passerelle bench report FILE...}: one table of labelled results, servers side by side, with ratios. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print results (JSON lines from --json, labelled with --label) as one table: a column per server and the first server's ratio to each other.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*") List<Path> files;

    @Override
    public Integer call() throws Exception {
        List<Result> results = new ArrayList<>();
        for (Path f : files) results.addAll(JsonLines.parse(Files.readAllLines(f)));
        System.out.print(Comparison.table(results));
        return 0;
    }
}
