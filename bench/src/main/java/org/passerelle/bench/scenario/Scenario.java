package org.passerelle.bench.scenario;

import java.util.List;
import org.passerelle.bench.stats.Result;

/** One benchmark scenario; bounded in time and count, it returns when done. */
public interface Scenario {
    List<Result> run(Bench bench) throws Exception;

    static Scenario named(String name) {
        return named(name, null);
    }

    /** {@code mucService}: the rooms scenario's MUC service (default conference.DOMAIN). */
    static Scenario named(String name, String mucService) {
        return switch (name) {
            case "login" -> new LoginScenario();
            case "idle" -> new IdleScenario();
            case "chat" -> new ChatScenario();
            case "presence" -> new PresenceScenario();
            case "rooms" -> new RoomsScenario(mucService);
            default -> throw new IllegalArgumentException("unknown scenario " + name + " (login, idle, chat, presence, rooms)");
        };
    }
}
