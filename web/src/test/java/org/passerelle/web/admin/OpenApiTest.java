package org.passerelle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists exactly the routes the API dispatches, and is served without credentials. */
class OpenApiTest {
    @Test
    void everyRouteIsDocumentedAndEveryDocumentedPathIsARoute() throws Exception {
        try (AdminFixture f = new AdminFixture()) {
            var res = f.send(HttpRequest.newBuilder(f.at("/api/v1/openapi.json")));
            assertThat(res.statusCode()).isEqualTo(200);
            JsonNode doc = Json.MAPPER.readTree(res.body());
            assertThat(doc.path("openapi").asText()).startsWith("3.");

            Set<String> documented = new TreeSet<>();
            doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(
                    m -> documented.add(m.toUpperCase() + " " + p.getKey())));
            Set<String> dispatched = new TreeSet<>();
            ApiRoutes routes = Admin.routes(f.server, new ApiTokens(f.server.stores().keyValue(), f.server.accounts(), f.server.clock()),
                    new ConsoleSessions(60_000, f.server.clock()), new TrafficHistory(), new RecentAuthFailures());
            for (ApiRoutes.Route r : routes.all()) dispatched.add(r.method() + " " + r.pattern().replace("...}", "}"));
            dispatched.add("GET " + AdminApi.OPENAPI);
            assertThat(documented).isEqualTo(dispatched);
        }
    }
}
