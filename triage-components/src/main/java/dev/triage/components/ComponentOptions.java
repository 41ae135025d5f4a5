package dev.triage.components;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How the components stage runs.
 *
 * @param database      advisory database directory, or null to skip advisory matching silently (the
 *                      programmatic default); the CLI always passes one ({@code --db}, {@code $TRIAGE_DB},
 *                      {@code ~/.triage/db}) and a missing database is then reported as a problem
 * @param maxDbAge      warn when the database is older than this
 * @param staleYears    app/stale-app: the app's build is older than this many years
 * @param outdatedYears component/outdated-dependency: the newest release is this many years newer
 * @param now           the clock reading to judge ages against (fixed in tests)
 */
public record ComponentOptions(Path database, Duration maxDbAge, double staleYears, double outdatedYears, Instant now) {
    public static final Duration DEFAULT_MAX_DB_AGE = Duration.ofDays(7);
    public static final double DEFAULT_STALE_YEARS = 2;
    public static final double DEFAULT_OUTDATED_YEARS = 2;

    public static ComponentOptions defaults() {
        return new ComponentOptions(null, DEFAULT_MAX_DB_AGE, DEFAULT_STALE_YEARS, DEFAULT_OUTDATED_YEARS, null);
    }

    public ComponentOptions withDatabase(Path db) {
        return new ComponentOptions(db, maxDbAge, staleYears, outdatedYears, now);
    }

    public ComponentOptions withNow(Instant t) {
        return new ComponentOptions(database, maxDbAge, staleYears, outdatedYears, t);
    }

    /** The clock reading to use: {@link #now} or the current time. */
    public Instant clock() {
        return now == null ? Instant.now() : now;
    }
}
