package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A sink condition on a template object ({@code if-template-unescaped}): the values a template is rendered with reach
 * the page only as the template writes them, so the call is a sink only when the template may write one unescaped.
 *
 * @param at                   the position of the template object (a declared index, or {@link Position#THIS})
 * @param engine               the template syntax ({@code template-syntax} table) its text is read with
 * @param nameFact             the object's fact holding the template's name (a constant given when it was loaded)
 * @param escapedIfAny         fact alternatives under which the configuration escapes every value whatever the template
 *                             says (an HTML output format with auto-escaping on)
 * @param escapedNames         template names the engine escapes by their extension ({@code .ftlh}); null: none
 * @param escapedNamesIfAny    fact alternatives under which such names are escaped (standard extensions recognised)
 */
public record TemplateCondition(int at, String engine, String nameFact, List<Map<String, Object>> escapedIfAny,
                                Pattern escapedNames, List<Map<String, Object>> escapedNamesIfAny) {
    public TemplateCondition {
        escapedIfAny = List.copyOf(escapedIfAny);
        escapedNamesIfAny = List.copyOf(escapedNamesIfAny);
    }
}
