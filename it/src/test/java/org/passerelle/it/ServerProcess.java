package org.passerelle.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * The server in a JVM of its own ({@code Main run}, with this JVM's java and class path), for
 * what only another process can show, such as surviving {@code kill -9}. The process does not
 * report which port 0 became, so the port is picked free here and written into its config. Its
 * output goes to {@code target/server-process-PORT.log}.
 */
final class ServerProcess implements AutoCloseable {
    private static final long START_SECONDS = 60;

    private final Process process;
    private final Path dataDir;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, Path dataDir, int port, Path log) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
    }

    /** Starts on {@code dataDir} with the STARTTLS listener on a free port, plus extra top-level YAML. */
    static ServerProcess start(Path dataDir, String extraYaml) throws Exception {
        int port = freePort();
        Path config = dataDir.resolve("process-" + port + ".yml");
        Files.writeString(config, """
                listeners:
                  c2s: {host: 127.0.0.1, port: %d}
                  c2sDirectTls: {enabled: false}
                  http: {enabled: false}
                  https: {enabled: false}
                """.formatted(port) + extraYaml);
        Path log = Files.createDirectories(Path.of("target")).resolve("server-process-" + port + ".log");
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command"));
        Process p = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "org.passerelle.server.Main",
                "run", "--config", config.toString(), "--data", dataDir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(p, dataDir, port, log);
        try {
            server.awaitListening();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Binds port 0, notes the port the system chose and lets it go again. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (true) {
            if (!process.isAlive()) throw new AssertionError("the server process exited (" + process.exitValue() + "): " + output());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) throw new AssertionError("the server process is not listening after "
                        + START_SECONDS + " s: " + output());
                Thread.sleep(100);
            }
        }
    }

    int port() {
        return port;
    }

    /** A connection not yet connected, trusting the certificate in the data directory. */
    XMPPTCPConnection connection(String localpart, String password, String resource) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(ItServer.clientConfig(dataDir, port, localpart, password).setResource(resource).build());
        c.setReplyTimeout(5000);
        return c;
    }

    /** SIGKILL: no shutdown hook, no close, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) throw new AssertionError("the server process survived SIGKILL");
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
