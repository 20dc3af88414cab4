package org.passerelle.server;

import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.stanza.Jids;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", description = "Start the server.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = common.loadConfig();
        DataDirectory data = common.dataDirectory();
        PasserelleServer server = PasserelleServer.start(config, data);
        String domain = config.domains().getFirst().name();
        String firstAdminPassword = createFirstAdmin(server, domain, data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        printWelcome(config, server, domain, data, firstAdminPassword);
        stopped.await();
        return 0;
    }

    /** On the very first start, creates admin@domain with a random password, kept in a 0600 file. */
    private static String createFirstAdmin(PasserelleServer server, String domain, DataDirectory data) throws Exception {
        var accounts = server.context().accounts();
        EntityBareJid admin = Jids.of("admin@" + domain).asEntityBareJidIfPossible();
        if (java.nio.file.Files.exists(data.adminPassword()) || accounts.exists(admin)) return null;
        String password = randomPassword();
        accounts.create(admin, password, true);
        DataDirectory.writePrivate(data.adminPassword(), password + "\n");
        return password;
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** Where to open the bundled web client, and what the browser will ask on the way. */
    static String webClientUrl(ServerConfig config, PasserelleServer server, String domain) {
        if (!config.web().client().enabled()) return null;
        int http = server.webPort(false);
        int https = server.webPort(true);
        if (http < 0 && https < 0) return null;
        if (!server.webClient()) return "not bundled in this build (it is downloaded when building with network access)";
        String secure = "https://" + domain + ":" + https + "/";
        if (http < 0) return secure + " (accept the self-signed certificate unless tls: is configured)";
        String plain = "http://" + domain + ":" + http + "/";
        if (!config.tls().required() || https < 0) return plain;
        return plain + " (goes on to " + secure + ": accept the self-signed certificate unless tls: is configured)";
    }

    private static void printWelcome(ServerConfig config, PasserelleServer server, String domain, DataDirectory data, String password) {
        System.out.println();
        System.out.println("Passerelle is running for " + config.domains().stream().map(d -> d.name()).toList());
        System.out.println("  XMPP clients:  " + domain + " port " + server.c2sPort() + " (STARTTLS)"
                + (server.directTlsPort() > 0 ? ", port " + server.directTlsPort() + " (direct TLS)" : ""));
        if (server.webPort(false) > 0 || server.webPort(true) > 0) {
            System.out.println("  WebSocket:     " + (server.webPort(true) > 0 ? "wss://" + domain + ":" + server.webPort(true) + "/xmpp-websocket " : "")
                    + (server.webPort(false) > 0 ? "ws://" + domain + ":" + server.webPort(false) + "/xmpp-websocket" : ""));
            System.out.println("  BOSH:          " + (server.webPort(true) > 0 ? "https://" + domain + ":" + server.webPort(true) + "/http-bind " : "")
                    + (server.webPort(false) > 0 ? "http://" + domain + ":" + server.webPort(false) + "/http-bind" : ""));
        }
        String webClient = webClientUrl(config, server, domain);
        if (webClient != null) System.out.println("  web client:    " + webClient);
        if (config.web().admin().enabled() && (server.webPort(false) > 0 || server.webPort(true) > 0)) {
            System.out.println("  admin console: " + (server.webPort(true) > 0 ? "https://" + domain + ":" + server.webPort(true) + "/admin "
                    : "") + (server.webPort(false) > 0 ? "http://" + domain + ":" + server.webPort(false) + "/admin" : "")
                    + " (log in as the administrator below)");
        }
        for (var service : server.context().features().items()) { // chat rooms, nearby search...
            if (service.jid().endsWith("." + domain)) {
                String label = (service.name() == null ? "service" : service.name().toLowerCase()) + ":";
                System.out.println("  " + String.format("%-15s", label) + (label.length() >= 15 ? " " : "") + service.jid());
            }
        }
        System.out.println("  data:          " + data.root());
        if (password != null) {
            System.out.println("  administrator: admin@" + domain + "  password: " + password);
            System.out.println("                 (shown once; also kept in " + data.adminPassword() + ")");
        } else {
            System.out.println("  administrator: admin@" + domain + " (password in " + data.adminPassword() + ")");
        }
        System.out.println("  add users:     ./passerelle user add bob@" + domain);
        System.out.println("The certificate is self-signed unless tls: is configured: clients will ask you to accept it.");
        System.out.println("Stop with Ctrl-C.");
    }
}
