package dev.triage.portfolio;

import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure parts of the figures: intervals, the half-life, the query file, the classification of every rule. */
class FiguresTest {
    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // Newcombe (1998), Statistics in Medicine 17:857, table I: 81/263 → 0.2553–0.3662 (Wilson, without correction)
        Figures.Share s = Figures.Share.of(81, 263);
        assertEquals(0.307985, s.share(), 1e-6);
        assertEquals(0.2553, s.low(), 1e-4);
        assertEquals(0.3662, s.high(), 1e-4);
        // 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611; 1/29 → 0.0061–0.1718
        assertEquals(0.0624, Figures.Share.of(15, 148).low(), 1e-4);
        assertEquals(0.1605, Figures.Share.of(15, 148).high(), 1e-4);
        assertEquals(0.0, Figures.Share.of(0, 20).low(), 1e-9);
        assertEquals(0.1611, Figures.Share.of(0, 20).high(), 1e-4);
        assertEquals(0.0061, Figures.Share.of(1, 29).low(), 1e-4);
        assertEquals(0.1718, Figures.Share.of(1, 29).high(), 1e-4);
        assertNull(Figures.Share.of(0, 0).share(), "no apps: no share");
    }

    private static Map<String, Object> life(long first, Long fixed, long until) {
        Map<String, Object> m = new TreeMap<>();
        m.put("first_seen_at", first);
        m.put("fixed_at", fixed);
        m.put("observed_until", until);
        return m;
    }

    @Test
    void halfLifeIsTheKaplanMeierMedianWithOpenFlawsCensored() {
        long day = 86_400_000L;
        // fixed after 10, 20, 30 days; two still open after 5 and 40 days (censored).
        // at 10: 4 at risk (5-day one censored before) → S = 0.75; at 20: 3 → 0.5 → half-life 20 days
        assertEquals(20.0, Figures.halfLifeDays(List.of(life(0, 10 * day, 50 * day), life(0, 20 * day, 50 * day),
                life(0, 30 * day, 50 * day), life(0, null, 5 * day), life(0, null, 40 * day))));
        // nothing fixed: never reaches one half
        assertNull(Figures.halfLifeDays(List.of(life(0, null, 9 * day), life(0, null, 3 * day))));
        assertNull(Figures.halfLifeDays(List.of()));
    }

    @Test
    void everyQueryIsNamedAndBindsItsParameters() {
        Map<String, String> q = Figures.queries();
        assertTrue(q.keySet().containsAll(List.of("apps_by_status", "apps_with_flaws", "flaws_by_cwe", "flaws_by_category",
                "top_rules", "vulnerable_apps", "vulnerable_components", "stale", "indicators", "by_category", "by_vendor",
                "fix_rate", "flaw_lifetimes", "rounds", "mitigated_flaws")), q.keySet().toString());
        for (String sql : q.values()) {
            assertTrue(sql.startsWith("WITH latest AS"), "every figure shares the common definitions");
            assertFalse(sql.contains(" / "), "no division in SQL: shares are computed from counts");
        }
        Figures.Bound b = Figures.bind(q.get("stale"), Map.of("stale_days", 730L));
        assertEquals(List.of(730L), b.values());
        assertFalse(b.sql().contains(":stale_days"));
        assertThrows(IllegalArgumentException.class, () -> Figures.bind(q.get("stale"), Map.of()));
    }

    @Test
    void everyRuleOfTheCatalogueHasAnOwaspCategoryAndEveryAndroidRuleAMasvsGroup() {
        Map<String, Integer> cwes = new TreeMap<>();
        for (Rule r : RuleCatalogue.builtIn().all()) cwes.put(r.id(), r.cwe());
        Figures.Reference ref = Figures.reference(cwes);
        Map<String, String> owasp = ref.categories().get("owasp-top10-2021");
        Map<String, String> masvs = ref.categories().get("masvs-v2");
        for (String id : cwes.keySet()) {
            assertTrue(owasp.containsKey(id), "no OWASP Top 10 category for " + id + " (CWE-" + cwes.get(id) + "): add its CWE to dev/triage/compliance.yml");
            if (id.startsWith("android/")) assertTrue(masvs.containsKey(id), "no MASVS group for " + id + ": add it to dev/triage/compliance.yml");
        }
        assertEquals("MASVS-CRYPTO", masvs.get("java/weak-hash"), "an exact id wins over the java/ prefix");
        assertEquals("MASVS-CODE", masvs.get("java/sql-injection"));
        assertEquals("A03 Injection", owasp.get("java/sql-injection"));
        for (List<String> rules : ref.indicatorRules().values()) {
            for (String r : rules) assertTrue(cwes.containsKey(r), "indicator rule " + r + " is not in the catalogue");
        }
    }
}
