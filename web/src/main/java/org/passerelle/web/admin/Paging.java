package org.passerelle.web.admin;

import org.passerelle.core.http.HttpCall;

/** The {@code offset} and {@code limit} query parameters of list endpoints, and other numbers in a query. */
final class Paging {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private Paging() {
    }

    static int offset(HttpCall call) throws ApiError {
        return (int) number(call, "offset", 0, 0, Integer.MAX_VALUE);
    }

    static int limit(HttpCall call) throws ApiError {
        return (int) number(call, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    /** A whole-number query parameter from {@code min} to {@code max}; {@code fallback} when absent, else 400. */
    static long number(HttpCall call, String name, long fallback, long min, long max) throws ApiError {
        String v = call.param(name).orElse(null);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest(name + " must be a number from " + min + " to " + max);
    }
}
