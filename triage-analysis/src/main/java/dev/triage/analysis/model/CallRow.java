package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;

/**
 * A call that matters by itself (a weak-hash helper) or whose result carries a label.
 *
 * @param when      conditions on the arguments' constants (argument index → regular expression), as for arguments
 * @param viewInput conditions on view ids (argument index → input kind): the argument is the constant resource id
 *                  of a view the app's layouts declare with that input ({@code password}: a password or PIN field)
 * @param component for a source: the call counts only in the code of an Android component other apps can reach
 *                  ({@code exposed}: exported and not guarded by a signature permission), or null
 * @param nameMatches  for a row written for every method: a regular expression the called method's name must
 *                     match in full ({@code get(Ssn|Diagnosis|...)}), or null
 * @param classMatches for a row written for every class: a regular expression the called class's simple name
 *                     must match in full ({@code .*Patient}), or null
 * @param cleanFor     for a source: sink kinds its value cannot feed whatever the attacker sends ({@code clean-for}):
 *                     a raw request URI holds no CR/LF, so neither log lines nor headers can be forged with it
 */
public record CallRow(String kind, MethodPattern method, String label, Map<Integer, String> when,
                   Map<Integer, String> viewInput, String component,
                   java.util.regex.Pattern nameMatches, java.util.regex.Pattern classMatches,
                   List<String> cleanFor, String provenance, String file) {
    /** The input kinds a {@code view-input} condition may name. */
    public static final java.util.Set<String> VIEW_INPUTS = java.util.Set.of("password");

    /** Whether the name conditions hold for a call of {@code name} on internal class {@code owner}. */
    public boolean namesMatch(String owner, String name) {
        if (nameMatches != null && !nameMatches.matcher(name).matches()) return false;
        if (classMatches == null) return true;
        String simple = owner.substring(owner.lastIndexOf('/') + 1);
        return classMatches.matcher(simple.substring(simple.lastIndexOf('$') + 1)).matches();
    }
}
