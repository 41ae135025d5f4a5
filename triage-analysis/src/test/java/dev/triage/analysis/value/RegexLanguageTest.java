package dev.triage.analysis.value;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexLanguageTest {
    @Test
    void characterClassesAdmitTheirMembersOnly() {
        RegexLanguage r = RegexLanguage.of("[a-zA-Z0-9_-]+");
        assertTrue(r.admits("abc-_9"));
        for (String bad : new String[] {"/", "\\", ".", ";", "|", "&", "$", "`", "<", ">", "'", "\"", "\r", "\n", " ", "é"}) {
            assertFalse(r.admits(bad), bad);
        }
    }

    @Test
    void escapesAndPropertiesAreUnderstood() {
        assertFalse(RegexLanguage.of("\\w+").admits("/"));
        assertTrue(RegexLanguage.of("\\w+\\.pdf").admits("."));
        assertFalse(RegexLanguage.of("\\w+\\.pdf").admits("/"));
        assertFalse(RegexLanguage.of("\\p{Alnum}{1,32}").admits(";"));
        assertTrue(RegexLanguage.of("\\p{Punct}+").admits(";"));
        assertFalse(RegexLanguage.of("\\d{4}-\\d{2}").admits(":"));
        assertTrue(RegexLanguage.of("[\\w.]+").admits(".."));
        assertTrue(RegexLanguage.of("\\s*").admits("\n"));
        assertFalse(RegexLanguage.of("[^\\r\\n]*").admits("\n"));
        assertTrue(RegexLanguage.of("[^\\r\\n]*").admits("<"));
        assertFalse(RegexLanguage.of("\\Q..\\E[a-z]").admits("/"));
    }

    @Test
    void negationIntersectionAndLookaroundsAreOverApproximated() {
        assertTrue(RegexLanguage.of("[^a-z]+").admits("/"));
        assertFalse(RegexLanguage.of("[a-z&&[^aeiou]]+").admits("a"));
        assertTrue(RegexLanguage.of("[a-z&&[^aeiou]]+").admits("b"));
        // what a look-ahead names is not consumed by the match
        assertFalse(RegexLanguage.of("(?!.*\\.\\.)[a-z]+").admits("."));
        assertTrue(RegexLanguage.of("(?i)[a-z]+").admits("Q"));
        assertTrue(RegexLanguage.of(".*").admits(";"));
        assertTrue(RegexLanguage.of("(a|b/c)").admits("/"));
        assertTrue(RegexLanguage.of("(a)\\1").admits("/"), "a back-reference admits anything");
    }

    @Test
    void whatItCannotReadAdmitsEverything() {
        assertTrue(RegexLanguage.of("(?x) [a-z]+ # comment").admits("/"));
        assertTrue(RegexLanguage.of("[a-z").admits("/"));
        assertTrue(RegexLanguage.of("\\p{InGreek}+").admits("/"));
    }

    @Test
    void literalPrefix() {
        assertEquals("https://portal.example.org/", RegexLanguage.of("https://portal\\.example\\.org/.*").prefix());
        assertEquals("https://portal.example.org/", RegexLanguage.of("^https://portal\\.example\\.org/[a-z]+").prefix());
        assertEquals("http", RegexLanguage.of("https?://x/.*").prefix());
        assertEquals("", RegexLanguage.of("https://a/.*|https://b/.*").prefix());
        assertEquals("", RegexLanguage.of("(?i)https://a/.*").prefix());
    }
}
