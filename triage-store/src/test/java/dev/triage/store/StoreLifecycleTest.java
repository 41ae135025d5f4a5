package dev.triage.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flaw lifecycle, decisions and transactional writes, on an embedded H2 file and on a real PostgreSQL server. */
class StoreLifecycleTest {
    @TempDir
    Path tmp;

    @Test
    void lifecycleOnH2() {
        try (Store s = Store.open(StoreTargets.h2(tmp))) {
            lifecycle(s);
        }
    }

    @Test
    void lifecycleOnPostgres() {
        try (StoreTargets.Postgres pg = StoreTargets.postgres(); Store s = Store.open(pg.url())) {
            assertEquals("postgresql", s.vendor());
            lifecycle(s);
        }
    }

    @Test
    void reopeningTheH2StoreKeepsItsHistory() {
        String at = StoreTargets.h2(tmp);
        try (Store s = Store.open(at)) {
            s.recordScan(app("a"), version('1'), scan(1000, "f1"), null, "t");
        }
        try (Store s = Store.open(at)) {
            assertTrue(s.scanned("a", sha('1'), false), "the history survives closing the store");
            assertEquals(1, s.flaws("a", null).size());
        }
    }

    static AppInfo app(String key) {
        return new AppInfo(key, key.toUpperCase(), "jvm", "records", "Acme", null);
    }

    static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    static VersionInfo version(char c) {
        return new VersionInfo(sha(c), "app-" + c + ".war", 1000, "1." + c);
    }

    static ScanRecord scan(long at, String... fingerprints) {
        List<ScanRecord.StoredFinding> findings = new java.util.ArrayList<>();
        for (String fp : fingerprints) {
            findings.add(new ScanRecord.StoredFinding(fp, "java/weak-hash", 328, 3, "high", "com.acme.A", "m", "()V",
                    "com/acme/A.java", 10, "app.war", "MD5", List.of(new ScanRecord.Step("com.acme.A", "m", "com/acme/A.java", 9, "source")),
                    Map.of("k", "v")));
        }
        return new ScanRecord("test", "r1", at, at + 5, ScanRecord.OK, null, null, 3, 3000, 18000, "manifest",
                findings, List.of(new ScanRecord.Problem("app.war", "x.class", "malformed")), List.of(), List.of());
    }

    private static Map<String, String> states(Store s, String app) {
        Map<String, String> out = new TreeMap<>();
        for (Store.Flaw f : s.flaws(app, null)) out.put(f.fingerprint(), f.state());
        return out;
    }

    static void lifecycle(Store s) {
        Store.Stored first = s.recordScan(app("portal"), version('1'), scan(1_000, "A", "B", "C"), null, "ci");
        assertEquals(3, first.newFlaws());
        assertEquals(Map.of("A", "new", "B", "new", "C", "new"), states(s, "portal"));

        Store.Stored second = s.recordScan(app("portal"), version('2'), scan(2_000, "A", "B", "D"), null, "ci");
        assertEquals(1, second.newFlaws());
        assertEquals(1, second.fixed());
        assertEquals(Map.of("A", "open", "B", "open", "C", "fixed", "D", "new"), states(s, "portal"));

        // a failed scan says nothing about the flaws
        s.recordScan(app("portal"), version('3'), ScanRecord.failed("test", 2_500, 2_600, "timeout", "killed after 1s"), null, "ci");
        assertEquals(Map.of("A", "open", "B", "open", "C", "fixed", "D", "new"), states(s, "portal"));

        Store.Stored third = s.recordScan(app("portal"), version('4'), scan(3_000, "A", "C", "D"), null, "ci");
        assertEquals(1, third.reopened());
        assertEquals(1, third.fixed());
        assertEquals(Map.of("A", "open", "B", "fixed", "C", "reopened", "D", "open"), states(s, "portal"));
        Store.Flaw c = s.flaws("portal", "reopened").get(0);
        assertEquals(1, c.reopenCount());
        assertEquals("com/acme/A.java:10", c.location());

        // another app's flaws are its own, even with the same fingerprint
        s.recordScan(app("other"), version('1'), scan(3_100, "A"), null, "ci");
        assertEquals(Map.of("A", "new"), states(s, "other"));

        // resumable: the app's latest scan is of this artifact (a failed one counts unless failures are retried)
        s.recordScan(app("flaky"), version('7'), ScanRecord.failed("test", 3_200, 3_300, "crashed", "exit 134"), null, "ci");
        assertTrue(s.scanned("portal", sha('4'), false));
        assertTrue(s.scanned("flaky", sha('7'), false));
        assertFalse(s.scanned("flaky", sha('7'), true));
        assertFalse(s.scanned("portal", sha('1'), false), "an older artifact listed again (a rollback) is scanned again");
        assertFalse(s.scanned("portal", sha('9'), false));

        // decisions: proposed by one person, reviewed by another
        long flawA = s.flaws("portal", null).stream().filter(f -> f.fingerprint().equals("A")).findFirst().orElseThrow().id();
        long d = s.propose(flawA, Mitigation.FALSE_POSITIVE, "the digest names a cache file, not a password", "alice", 4_000);
        assertThrows(StoreException.class, () -> s.approve(d, "alice", "", 4_100), "the proposer cannot approve");
        assertThrows(StoreException.class, () -> s.propose(flawA, Mitigation.ACCEPTED_RISK, "again", "carol", 4_150));
        assertTrue(s.mitigatedFingerprints("portal").isEmpty(), "a proposal alone mitigates nothing");
        s.approve(d, "bob", "checked the code", 4_200);
        assertEquals(Map.of("A", "false-positive"), s.mitigatedFingerprints("portal"));
        assertThrows(StoreException.class, () -> s.reject(d, "carol", "too late", 4_300));
        Store.Decision listed = s.decisions(false).get(0);
        assertEquals("approved", listed.status());
        assertEquals("alice", listed.proposedBy());
        assertEquals("bob", listed.reviewedBy());

        // the approved mitigation survives a rescan
        s.recordScan(app("portal"), version('5'), scan(5_000, "A", "C", "D"), null, "ci");
        assertEquals(Map.of("A", "false-positive"), s.mitigatedFingerprints("portal"));
        s.revoke(d, "bob", "the file now holds a password", 5_100);
        assertTrue(s.mitigatedFingerprints("portal").isEmpty());

        long e = s.propose(flawA, Mitigation.of("accepted-risk"), "legacy client", "carol", 5_200);
        s.reject(e, "dave", "fix it", 5_300);
        assertEquals(0, s.decisions(true).size());

        // a scan is stored whole or not at all
        long scansBefore = (Long) s.query("SELECT COUNT(*) AS n FROM scan").get(0).get("n");
        ScanRecord broken = new ScanRecord("test", "r1", 6_000, 6_001, ScanRecord.OK, null, null, 1, 1, null, null,
                List.of(new ScanRecord.StoredFinding("E", null, 1, 1, "high", "c", "m", "()V", "", 1, "", "m", List.of(), Map.of())),
                List.of(), List.of(), List.of());
        assertThrows(RuntimeException.class, () -> s.recordScan(app("portal"), version('6'), broken, null, "ci"));
        assertEquals(scansBefore, s.query("SELECT COUNT(*) AS n FROM scan").get(0).get("n"));
        assertEquals(0L, s.query("SELECT COUNT(*) AS n FROM app_version WHERE artifact_sha256 = ?", sha('6')).get(0).get("n"));

        // every change is in the audit trail
        List<Map<String, Object>> audit = s.query("SELECT action, actor FROM audit_event ORDER BY id");
        assertTrue(audit.stream().anyMatch(r -> r.get("action").equals("decision-approved") && r.get("actor").equals("bob")));
        assertEquals(7L, s.query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'scan-stored'").get(0).get("n"));
    }

}
