package dev.triage.analysis;

import dev.triage.analysis.model.Models;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FreeMarker template text read (never run) for a value written without escaping, with the model's syntax table. */
class TemplateTextsTest {
    private static final TemplateTexts.Syntax FTL = TemplateTexts.syntax(Models.builtIn(), "freemarker");

    private static boolean unescaped(String text) {
        return TemplateTexts.writesUnescaped(FTL, text);
    }

    @Test
    void plainInterpolationIsUnescaped() {
        assertTrue(unescaped("<p>${name}</p>"));
        assertTrue(unescaped("<p>${name!\"x\"}</p>"));
        assertTrue(unescaped("<p>${name?trim}</p>"));
        assertTrue(unescaped("<p>${name?html?no_esc}</p><#-- ?no_esc last: not escaped -->"));
    }

    @Test
    void escapingBuiltInsAndRegions() {
        assertFalse(unescaped("<p>${name?html}</p><p>${note ? esc}</p>"));
        assertFalse(unescaped("<#escape x as x?html><p>${name}</p><p>${a.b[\"}\"]}</p></#escape>"));
        assertFalse(unescaped("[#escape x as x?xhtml]${name}[/#escape]"));
        assertFalse(unescaped("<#outputformat \"HTML\">${name}</#outputformat>"));
        assertFalse(unescaped("<#ftl output_format=\"HTML\">\n<p>${name}</p>"));
        assertFalse(unescaped("<#-- ${name} in a comment --><p>nothing written</p>"));
    }

    @Test
    void optOutsInsideEscapingRegions() {
        assertTrue(unescaped("<#escape x as x?html><#noescape>${name}</#noescape></#escape>"));
        assertTrue(unescaped("<#escape x as x?html>${a}</#escape>${b}"));
        assertTrue(unescaped("<#escape x as x?url>${a}</#escape>"));
        assertTrue(unescaped("<#ftl output_format=\"HTML\">${name?no_esc}"));
        assertTrue(unescaped("<#ftl output_format=\"HTML\" auto_esc=false>${name}"));
        assertTrue(unescaped("<#outputformat \"plainText\">${name}</#outputformat>"));
    }

    @Test
    void namesWrittenUnescaped() {
        assertEquals(Set.of("phone", "patient"), TemplateTexts.writtenUnescaped(FTL,
                "${name?html} ${phone} ${patient.address?trim} ${clinic!\"x\"?html}"));
        assertEquals(Set.of(TemplateTexts.ANY), TemplateTexts.writtenUnescaped(FTL, "${a + b}"));
        // a loop variable stands for any value of the list it walks
        assertEquals(Set.of(TemplateTexts.ANY), TemplateTexts.writtenUnescaped(FTL, "<#list notes as n>${n}</#list>"));
        assertEquals(Set.of(), TemplateTexts.writtenUnescaped(FTL, "${name?html}"));
    }
}
