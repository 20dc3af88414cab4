package org.passerelle.bench.scenario;

import java.util.List;
import org.passerelle.bench.stats.Result;

/**
 * Login: every user connects, negotiates (STARTTLS, SASL, bind, roster, initial presence) and
 * logs out again at once, so N can exceed what one process may hold open. Reports logins per
 * second and the login latency from connect to initial presence.
 */
final class LoginScenario implements Scenario {
    @Override
    public List<Result> run(Bench bench) throws Exception {
        double cpu0 = bench.serverCpuSeconds();
        long t0 = System.nanoTime();
        Logins logins = new Logins(bench, true, (c, s) -> { });
        logins.run(bench.settings().rate());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Result.Builder r = Result.builder(bench.client().tls() ? "login" : "login-notls")
                .put("tls", bench.client().tls()).put("mechanism", bench.client().mechanism())
                .put("concurrency", bench.settings().concurrency());
        logins.addTo(r);
        Thread.sleep(300);
        ServerLoad.addCpu(r, bench, cpu0, elapsed);
        bench.progress(logins.online() + " logins in " + Math.round(elapsed * 10) / 10.0 + " s");
        return List.of(r.build());
    }
}
