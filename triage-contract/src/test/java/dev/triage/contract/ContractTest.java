package dev.triage.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContractTest {
    @Test
    void locationsNameClassesWithDotsAndGiveBackInternalNames() {
        Location l = Location.inCode("com/acme/Patient$Record", "get", "()V", "com/acme/Patient.java", 12, "app.war!/x");
        assertEquals("com.acme.Patient$Record", l.className());
        assertEquals("com/acme/Patient$Record", l.internalClassName());
        assertEquals("com.acme.Patient$Record.get", l.qualifiedMethod());
        Location r = Location.inResource("WEB-INF/web.xml", 3, "app.war!/WEB-INF/web.xml");
        assertEquals("", r.className());
        assertEquals("", r.internalClassName());
        assertEquals("WEB-INF/web.xml", r.qualifiedMethod());
    }

    @Test
    void aDetectionWithoutItsOwnSeverityTakesTheRulesAndSortsItsProperties() {
        Detection d = new Detection("java/weak-hash", Location.inResource("a.properties", 1, ""), "m", List.of(), Confidence.HIGH, "k");
        assertNull(d.severity());
        Detection p = new Detection("component/x", Location.inResource("lib.jar", 0, ""), "m", List.of(), Confidence.LOW, "k",
                Severity.VERY_HIGH, Map.of("z", "1", "a", "2"));
        assertEquals(List.of("a", "z"), List.copyOf(p.properties().keySet()));
        assertThrows(NullPointerException.class, () -> new Detection("r", null, "m", List.of(), Confidence.LOW, "k"));
    }

    @Test
    void severitiesParseFromLevelsAndNames() {
        assertEquals(Severity.VERY_HIGH, Severity.parse("very-high"));
        assertEquals(Severity.MEDIUM, Severity.parse("3"));
        assertEquals(Severity.INFORMATIONAL, Severity.parse("info"));
        assertEquals(Severity.HIGH, Severity.ofLevel(4));
        assertThrows(IllegalArgumentException.class, () -> Severity.ofLevel(6));
    }
}
