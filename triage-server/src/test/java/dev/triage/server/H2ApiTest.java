package dev.triage.server;

/** The API against the embedded H2 store. */
class H2ApiTest extends ApiTestBase {
    @Override
    String target() {
        return "h2";
    }
}
