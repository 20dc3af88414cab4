package org.passerelle.bench;

import java.io.FileWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.passerelle.bench.client.ClientConfig;
import org.passerelle.bench.client.Connector;
import org.passerelle.bench.scenario.Bench;
import org.passerelle.bench.scenario.Scenario;
import org.passerelle.bench.scenario.Settings;
import org.passerelle.bench.scenario.Users;
import org.passerelle.bench.stats.JvmProbe;
import org.passerelle.bench.stats.ProcessStats;
import org.passerelle.bench.stats.Result;
import org.passerelle.bench.stats.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passerelle bench}: runs one scenario against an XMPP server on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {PopulationCommand.class, ReportCommand.class},
        description = {"XMPP load generator: login, idle, chat and presence scenarios against any XMPP server on loopback.",
                "Prints one JSON line per result (prefixed 'result: '), then a table."})
public final class BenchMain implements Callable<Integer> {
    @Option(names = "--scenario", description = "login, idle, chat, presence or rooms") String scenario;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "server address, loopback only (default ${DEFAULT-VALUE})") String host;
    @Option(names = "--port", defaultValue = "5222") int port;
    @Option(names = "--domain", defaultValue = "localhost") String domain;
    @Option(names = "--users", defaultValue = "100", description = "users taking part (chat: pairs = users/2)") int users;
    @Option(names = "--user-pattern", defaultValue = "bench%d") String userPattern;
    @Option(names = "--password-pattern", defaultValue = "pw%d") String passwordPattern;
    @Option(names = "--duration", defaultValue = "10", description = "seconds: idle hold, each chat step, presence changes") int duration;
    @Option(names = "--rate", defaultValue = "0", description = "logins/s (login, idle, chat logins) or status changes/s (presence); 0 = unpaced") double rate;
    @Option(names = "--rates", split = ",", defaultValue = "1000,2000,4000,8000,16000,32000", description = "chat: total messages/s per step; rooms: deliveries/s per step (messages/s x occupants)") List<Double> rates;
    @Option(names = "--room-sizes", split = ",", defaultValue = "10,100,1000", description = "rooms: occupants of each room, one room after another") List<Integer> roomSizes;
    @Option(names = "--muc-service", description = "rooms: the MUC service (default conference.DOMAIN)") String mucService;
    @Option(names = "--concurrency", defaultValue = "100", description = "logins in flight at once") int concurrency;
    @Option(names = "--login-timeout", defaultValue = "600", description = "seconds all logins may take") int loginTimeout;
    @Option(names = "--tls", description = "STARTTLS (the default)") boolean tls;
    @Option(names = "--no-tls", description = "plain TCP, no STARTTLS (the server must allow it)") boolean noTls;
    @Option(names = "--mechanism", defaultValue = "auto", description = "auto, SCRAM-SHA-256, SCRAM-SHA-1 or PLAIN") String mechanism;
    @Option(names = "--no-roster", description = "skip roster get and initial presence at login") boolean noRoster;
    @Option(names = "--source-addresses", split = ",", description = "local 127.0.0.x addresses to connect from, in turn") List<String> sources = new ArrayList<>();
    @Option(names = "--threads", defaultValue = "2", description = "client event-loop threads") int threads;
    @Option(names = "--server-pid", defaultValue = "0", description = "server process for CPU, RSS and (JVM) heap and GC readings") long serverPid;
    @Option(names = "--label", description = "prefix for result names, e.g. the server's name") String label;
    @Option(names = "--json", description = "also append the JSON lines to this file") Path json;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (scenario == null) throw new CommandLine.ParameterException(new CommandLine(this), "--scenario is required (login, idle, chat, presence or rooms)");
        if (tls && noTls) throw new CommandLine.ParameterException(new CommandLine(this), "--tls and --no-tls exclude each other");
        Scenario s = Scenario.named(scenario, mucService);
        InetAddress server = loopback(host);
        List<InetAddress> local = new ArrayList<>();
        for (String a : sources) local.add(loopback(a));
        checkFileLimit();
        Settings settings = new Settings(users, concurrency, rate, rates, duration, loginTimeout, roomSizes);
        ClientConfig client = new ClientConfig(server.getHostAddress(), port, domain, !noTls, mechanism, !noRoster);
        PrintStream log = System.err;
        ProcessStats stats = serverPid > 0 ? new ProcessStats(serverPid) : null;
        JvmProbe jvm = serverPid > 0 ? JvmProbe.attach(serverPid) : null;
        if (serverPid > 0) log.println("bench: server pid " + serverPid + (jvm == null ? " (not a JVM: RSS and CPU only)" : " (JVM: heap and GC too)"));
        List<Result> results;
        try (Connector connector = new Connector(threads, local)) {
            results = s.run(new Bench(connector, client, new Users(userPattern, passwordPattern, domain), settings, stats, jvm, log));
        } finally {
            if (jvm != null) jvm.close();
        }
        if (label != null) results = results.stream().map(r -> new Result(label + ":" + r.scenario(), r.metrics())).toList();
        print(results);
        return 0;
    }

    private void print(List<Result> results) throws Exception {
        for (Result r : results) System.out.println("result: " + r.toJson());
        if (json != null) {
            try (PrintWriter w = new PrintWriter(new FileWriter(json.toFile(), true))) {
                for (Result r : results) w.println(r.toJson());
            }
        }
        System.out.println();
        System.out.print(Table.format(results));
    }

    /** This tool only ever talks to servers on this machine. */
    static InetAddress loopback(String name) throws Exception {
        InetAddress a = InetAddress.getByName(name);
        if (!a.isLoopbackAddress()) throw new IllegalArgumentException(name + " is not a loopback address (127.0.0.0/8 or ::1)");
        return a;
    }

    private void checkFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long max = os.getMaxFileDescriptorCount();
            if (scenario.equals("login")) return;
            if (users + 200L > max) {
                throw new IllegalArgumentException(users + " users need more than the " + max + " open files this process may have (ulimit -n)");
            }
        }
    }
}
