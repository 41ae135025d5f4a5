package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;

/**
 * A place where an object's facts and the call's constant arguments are checked: report {@code rule} at
 * calls of {@code at} when the object in {@code argument} is of type {@code object}, none of
 * {@code unlessAny} holds and (when given) one alternative of {@code ifAny} holds with known values, and
 * every condition of {@code when} holds. Without {@code object} only {@code when} is checked.
 *
 * @param object    the object type, or null for a check on constant arguments only
 * @param when      argument index → condition on every constant the argument may hold
 * @param raise     a higher severity (and its message) for apps whose minSdk is below a level, or null
 * @param resultOnly when not empty: not reported when what the call returns is used, in the method, only by these
 *                   calls and never leaves it (a DocumentBuilder that only makes new documents parses nothing)
 * @param resultUnlessAny when not empty: not reported when the object the call returns (a parser made by a factory)
 *                   is given one of these fact sets in the method, over its life there (the hardening set on a
 *                   SAXParser's XMLReader, an entity resolver that returns empty input set on a DocumentBuilder)
 * @param lowered   when not null: reported at its severity, its message added, when what the call returns is used, in
 *                   the method, only by its calls (a parser that parses only the app's own resources)
 * @param loweredByArguments when not null: reported at its severity, its message added, when the checked call's own
 *                   arguments carry the labels of its one use ({@code labelled}) and no input: a parser judged where it
 *                   parses (jdom2's {@code build}, dom4j's {@code read}) given only the app's own resource
 * @param severity  when not null: the findings' severity, where the check finds a graver case of its rule than the
 *                   rule's own severity says (any origin allowed with credentials, under the CORS rule)
 */
public record CheckRow(String rule, MethodPattern at, int argument, String object,
                    List<Map<String, Object>> unlessAny, List<Map<String, Object>> ifAny,
                    Map<Integer, ConstantCondition> when, SeverityRaise raise, String message, List<ResultUse> resultOnly,
                    List<Map<String, Object>> resultUnlessAny, SeverityLowering lowered, SeverityLowering loweredByArguments,
                    String provenance, String file, dev.triage.contract.Severity severity) {
    /**
     * A harmless use of a checked call's result: a call of {@code method} on it, whose arguments at the positions
     * of {@code madeAs} are objects made in the method with {@code new} of that class (an identity transformer given a
     * {@code new DOMSource(document)}: a tree already in memory, no text to parse), or modelled objects of that kind
     * (an evaluation context of kind {@code spel-simple-context}), and whose arguments at the positions of
     * {@code labelled} carry that label (a stream of the app's own resource named by a constant: {@code app-resource}).
     */
    public record ResultUse(String method, Map<Integer, String> madeAs, Map<Integer, String> labelled) {
    }
}
