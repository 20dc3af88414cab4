package org.passerelle.server;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code passerelle user add|passwd|del|list}: accounts, on the data directory, server running or not. */
@Command(name = "user", description = "Manage accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Del.class, UserCommand.ListUsers.class})
final class UserCommand {

    static EntityBareJid account(String jid) {
        var parsed = Jids.of(jid).asEntityBareJidIfPossible();
        if (parsed == null) throw new IllegalArgumentException("'" + jid + "' is not an account JID like bob@localhost");
        return parsed;
    }

    static String password(Path file) throws Exception {
        if (file != null) {
            String p = Files.readString(file).strip();
            if (p.isEmpty()) throw new IllegalArgumentException(file + " is empty");
            return p;
        }
        Console console = System.console();
        if (console == null) throw new IllegalArgumentException("no terminal to ask for a password: use --password-file FILE");
        char[] first = console.readPassword("Password: ");
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !java.util.Arrays.equals(first, again)) throw new IllegalArgumentException("the passwords differ");
        return new String(first);
    }

    @Command(name = "add", description = "Create an account.")
    static final class Add implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "JID", description = "e.g. bob@localhost") String jid;
        @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from FILE instead of asking") Path passwordFile;
        @Option(names = "--admin", description = "make the account a server administrator") boolean admin;

        @Override
        public Integer call() throws Exception {
            EntityBareJid account = account(jid);
            String password = password(passwordFile);
            boolean created = common.withCore(false, ctx -> ctx.accounts().create(account, password, admin));
            System.out.println(created ? "created " + account + (admin ? " (administrator)" : "") : account + " exists already");
            return created ? 0 : 1;
        }
    }

    @Command(name = "passwd", description = "Change an account's password.")
    static final class Passwd implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "JID") String jid;
        @Option(names = "--password-file", paramLabel = "FILE") Path passwordFile;

        @Override
        public Integer call() throws Exception {
            EntityBareJid account = account(jid);
            String password = password(passwordFile);
            boolean changed = common.withCore(false, ctx -> ctx.accounts().changePassword(account, password));
            System.out.println(changed ? "password changed for " + account : "no account " + account);
            return changed ? 0 : 1;
        }
    }

    @Command(name = "del", description = "Delete an account and everything kept for it.")
    static final class Del implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "JID") String jid;

        @Override
        public Integer call() throws Exception {
            EntityBareJid account = account(jid);
            boolean deleted = common.withCore(true, ctx -> ctx.accounts().delete(account));
            System.out.println(deleted ? "deleted " + account : "no account " + account);
            return deleted ? 0 : 1;
        }
    }

    @Command(name = "list", description = "List the accounts of a domain (default: every hosted domain).")
    static final class ListUsers implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "DOMAIN", arity = "0..1") String domain;

        @Override
        public Integer call() throws Exception {
            return common.withCore(false, ctx -> {
                for (var d : ctx.config().domains()) {
                    if (domain != null && !domain.equals(d.name())) continue;
                    for (int offset = 0; ; offset += 500) {
                        var page = ctx.accounts().list(d.name(), offset, 500);
                        page.forEach(j -> System.out.println(j + (ctx.accounts().isAdmin(j) ? "  (admin)" : "")));
                        if (page.size() < 500) break;
                    }
                }
                return 0;
            });
        }
    }
}
