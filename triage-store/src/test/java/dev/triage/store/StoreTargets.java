package dev.triage.store;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The two real databases the store tests run against: an embedded H2 file in a temporary folder, and the
 * PostgreSQL server named by {@code TRIAGE_TEST_POSTGRES_URL} (which {@code .ci/run} starts and exports). Each
 * PostgreSQL test gets a schema of its own, dropped afterwards. Without the variable the PostgreSQL cases are
 * skipped on a developer's machine, and fail under CI ({@code CI=true}), where the server must be there.
 */
public final class StoreTargets {
    public static final String POSTGRES_ENV = "TRIAGE_TEST_POSTGRES_URL";

    private StoreTargets() {
    }

    public static String h2(Path dir) {
        return dir.resolve("store").resolve("triage").toString();
    }

    /** A store URL in a fresh schema of the test PostgreSQL server; {@code cleanup} drops it. */
    public static Postgres postgres() {
        String base = System.getenv(POSTGRES_ENV);
        if (base == null || base.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(POSTGRES_ENV + " is not set: .ci/run must start PostgreSQL for the store tests");
            }
            Assumptions.abort(POSTGRES_ENV + " not set: PostgreSQL store tests skipped on this machine");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot reach the test PostgreSQL at " + Store.redact(base) + ": " + e.getMessage(), e);
        }
        return new Postgres(base, schema, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    public record Postgres(String base, String schema, String url) implements AutoCloseable {
        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new AssertionError("cannot drop test schema " + schema + ": " + e.getMessage(), e);
            }
        }
    }
}
