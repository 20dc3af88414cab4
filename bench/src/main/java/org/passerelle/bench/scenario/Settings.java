package org.passerelle.bench.scenario;

import java.util.List;

/**
 * What bounds a run: how many users, how many logins in flight, a rate (logins/s for login,
 * status changes/s for presence; 0 = as fast as possible), the chat rate steps (messages/s),
 * how long each timed phase lasts, how long logging in may take at most, and the room sizes (rooms).
 */
public record Settings(int users, int concurrency, double rate, List<Double> rates, int durationSeconds,
                       int loginTimeoutSeconds, List<Integer> roomSizes) {
    public Settings(int users, int concurrency, double rate, List<Double> rates, int durationSeconds, int loginTimeoutSeconds) {
        this(users, concurrency, rate, rates, durationSeconds, loginTimeoutSeconds, List.of(10, 100, 1000));
    }

    public Settings {
        if (users < 1) throw new IllegalArgumentException("users must be at least 1");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (durationSeconds < 1 || durationSeconds > 3600) throw new IllegalArgumentException("duration must be 1-3600 s");
        if (loginTimeoutSeconds < 1 || loginTimeoutSeconds > 3600) throw new IllegalArgumentException("login timeout must be 1-3600 s");
        rates = List.copyOf(rates);
        for (double r : rates) if (r <= 0) throw new IllegalArgumentException("rates must be positive");
        if (rates.size() > 20) throw new IllegalArgumentException("at most 20 rate steps");
        roomSizes = List.copyOf(roomSizes);
        for (int size : roomSizes) if (size < 2 || size > 100_000) throw new IllegalArgumentException("room sizes must be 2-100000");
    }
}
