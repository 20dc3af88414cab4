package org.passerelle.bench.scenario;

import java.util.List;
import org.passerelle.bench.stats.Result;

/** One benchmark scenario; bounded in time and count, it returns when done. */
public interface Scenario {
    List<Result> run(Bench bench) throws Exception;

    static Scenario named(String name) {
        return switch (name) {
            case "login" -> new LoginScenario();
            case "idle" -> new IdleScenario();
            case "chat" -> new ChatScenario();
            case "presence" -> new PresenceScenario();
            default -> throw new IllegalArgumentException("unknown scenario " + name + " (login, idle, chat, presence)");
        };
    }
}
