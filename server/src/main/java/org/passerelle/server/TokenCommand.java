package org.passerelle.server;

import java.util.concurrent.Callable;
import org.passerelle.core.module.ServerContext;
import org.passerelle.web.admin.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code passerelle token create|list|revoke}: admin API tokens (docs/ADMIN.md), server running or not. */
@Command(name = "token", description = "Manage admin API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {
    private static ApiTokens tokens(ServerContext ctx) {
        return new ApiTokens(ctx.stores().keyValue(), ctx.accounts(), ctx.clock());
    }

    @Command(name = "create", description = "Create an API token for an administrator account; it is shown once.")
    static final class Create implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--admin", required = true, paramLabel = "JID", description = "the administrator the token acts for") String admin;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "what the token is for, e.g. ci") String name;

        @Override
        public Integer call() throws Exception {
            var account = UserCommand.account(admin);
            String token = common.withCore(false, ctx -> tokens(ctx).create(account, name));
            System.out.println(token);
            System.err.println("(shown once: Authorization: Bearer <token> on /api/v1 and /metrics)");
            return 0;
        }
    }

    @Command(name = "list", description = "List an administrator's API tokens (ids and names, not the tokens).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--admin", required = true, paramLabel = "JID") String admin;

        @Override
        public Integer call() throws Exception {
            var account = UserCommand.account(admin);
            var tokens = common.withCore(false, ctx -> tokens(ctx).list(account));
            for (var t : tokens) {
                System.out.println(t.id() + "  " + t.name() + "  created " + t.created() + (t.lastUsed() == null ? "" : "  last used " + t.lastUsed()));
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke an API token by its id.")
    static final class Revoke implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--admin", required = true, paramLabel = "JID") String admin;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() throws Exception {
            var account = UserCommand.account(admin);
            boolean revoked = common.withCore(false, ctx -> tokens(ctx).revoke(account, id));
            System.out.println(revoked ? "revoked " + id : "no token " + id + " for " + account);
            return revoked ? 0 : 1;
        }
    }
}
