package dev.triage.findings;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of the catalogue has its place in the compliance mapping, and the mapping names only real rules. */
class ComplianceTest {
    private static final RuleCatalogue RULES = RuleCatalogue.builtIn();
    private static final ComplianceMapping MAPPING = ComplianceMapping.builtIn();

    @Test
    void everyRuleIsMapped() {
        List<String> missing = new ArrayList<>();
        for (Rule r : RULES.all()) {
            if (r.compliance().hipaaSafeguards().isEmpty()) missing.add(r.id() + ": no HIPAA safeguard");
            if (r.compliance().owaspTop10() == null) missing.add(r.id() + ": no OWASP Top 10 category for CWE-" + r.cwe());
            if (r.id().startsWith("android/") && r.compliance().masvs() == null) missing.add(r.id() + ": no MASVS group");
        }
        assertTrue(missing.isEmpty(), "add these to dev/triage/compliance.yml:\n" + String.join("\n", missing));
    }

    @Test
    void mappingNamesOnlyCatalogueRules() {
        List<String> unknown = new ArrayList<>();
        for (String id : MAPPING.hipaaRuleIds()) if (RULES.find(id).isEmpty()) unknown.add(id);
        assertTrue(unknown.isEmpty(), "compliance.yml names rules the catalogue does not have: " + unknown);
    }

    @Test
    void safeguardsFollowTheRegulation() {
        assertEquals(List.of("164.312(a)", "164.312(b)", "164.312(c)", "164.312(d)", "164.312(e)"),
                List.copyOf(MAPPING.hipaaSafeguardTitles().keySet()));
        Rule logged = RULES.get("java/phi-logged");
        assertEquals(List.of("164.312(a)", "164.312(b)"), logged.compliance().hipaaSafeguards());
        assertEquals("A09 Security Logging and Monitoring Failures", logged.compliance().owaspTop10());
        assertEquals(List.of("164.312(e)"), RULES.get("java/cleartext-http").compliance().hipaaSafeguards());
        assertEquals("MASVS-STORAGE", RULES.get("android/cleartext-storage").compliance().masvs());
        assertEquals("MASVS-CRYPTO", MAPPING.masvs("java/weak-hash"), "an exact id wins over the java/ prefix");
        assertEquals("MASVS-CODE", MAPPING.masvs("java/sql-injection"));
        assertNull(MAPPING.masvs("unknown/rule"));
    }
}
