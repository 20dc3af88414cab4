package org.passerelle.web.admin;

import java.util.Map;
import org.passerelle.core.http.HttpAnswer;

/** /tokens: the caller's API tokens; a new token is shown once, in the creation's answer. */
final class TokensApi {
    private final ApiTokens tokens;

    TokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    void register(ApiRoutes routes) {
        routes.add("GET", "/tokens", r -> Json.answer(200, Map.of("tokens", tokens.list(r.caller().admin()))))
                .add("POST", "/tokens", r -> {
                    String name = Json.text(Json.body(r.call()), "name");
                    String token;
                    try {
                        token = tokens.create(r.caller().admin(), name);
                    } catch (IllegalArgumentException e) {
                        throw ApiError.badRequest(e.getMessage());
                    }
                    String id = token.split("\\.")[2];
                    return Json.answer(201, Map.of("id", id, "name", name.strip(), "token", token));
                })
                .add("DELETE", "/tokens/{id}", r -> {
                    if (!tokens.revoke(r.caller().admin(), r.param("id"))) throw ApiError.notFound("no token " + r.param("id"));
                    return HttpAnswer.of(204, "application/json", new byte[0]);
                });
    }
}
