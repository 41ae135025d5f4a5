package dev.triage.server;

/** The API against PostgreSQL ({@code TRIAGE_TEST_POSTGRES_URL}; required under CI). */
class PostgresApiTest extends ApiTestBase {
    @Override
    String target() {
        return "postgresql";
    }
}
