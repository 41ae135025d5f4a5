package dev.triage.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window counter per client key: at most {@code perMinute} requests in each minute. Simple and
 * enough to stop a runaway script or a password-guessing loop; windows of idle clients are dropped as they age.
 */
final class RateLimiter {
    private final int perMinute;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts a request of {@code key}; false when it is over the limit. */
    boolean allow(String key) {
        long minute = System.currentTimeMillis() / 60_000;
        if (windows.size() > 100_000) windows.entrySet().removeIf(e -> e.getValue()[0] < minute);
        long[] w = windows.compute(key, (k, v) -> {
            if (v == null || v[0] != minute) return new long[]{minute, 1};
            v[1]++;
            return v;
        });
        return w[1] <= perMinute;
    }
}
