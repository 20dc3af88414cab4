package org.passerelle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** /metrics: Prometheus text for admins (Basic or token), or for anyone when web.metrics.public is on. */
class MetricsRouteTest {
    @Test
    void adminsGetThePrometheusText() throws Exception {
        try (AdminFixture f = new AdminFixture()) {
            f.server.metrics().sessionStarted("c2s");
            assertThat(f.send(HttpRequest.newBuilder(f.at("/metrics"))).statusCode()).isEqualTo(401);
            assertThat(f.send(HttpRequest.newBuilder(f.at("/metrics")).header("Authorization", AdminFixture.basic("bob@localhost", "bob-secret")))
                    .statusCode()).isEqualTo(403);
            var res = f.get("/metrics");
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.headers().firstValue("content-type")).hasValue(MetricsRoute.CONTENT_TYPE);
            assertThat(res.body()).contains("passerelle_sessions{transport=\"c2s\"} 1");
            assertThat(f.send(f.asAdmin("/metrics").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void publicMetricsNeedNoCredentials() throws Exception {
        try (AdminFixture f = new AdminFixture("web: {metrics: {public: true}}\n")) {
            var res = f.send(HttpRequest.newBuilder(f.at("/metrics")));
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("passerelle_stanzas_in_total");
            assertThat(f.send(HttpRequest.newBuilder(f.at("/api/v1/stats"))).statusCode()).as("the API still is not").isEqualTo(401);
        }
    }
}
