package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;

/**
 * A check whose success makes a value safe on the branch where it succeeded: an allow-list lookup
 * ({@code ALLOWED.contains(x)}), a pattern match ({@code x.matches("[a-z]+")}), a comparison with a
 * constant, a normalised path compared with its base directory. {@code checks} is the position of the checked
 * value; {@code when} may ask for constants (position {@code -1} is the receiver).
 *
 * @param clears    the sink kinds the check clears; empty when {@code pattern} decides them
 * @param pattern   the position of the regular expression the whole value must match (a constant string, or a
 *                  compiled pattern or matcher made by a {@code makes} row): the check clears the sink kinds whose
 *                  dangerous text (the {@code guard-dangerous-text} table) the expression cannot let through; null
 *                  when the row has no pattern
 * @param makes     not a check but what the call's result carries for a later one: {@code regex} (a compiled
 *                  pattern: {@code pattern} names its text), {@code matcher} (a pattern applied to the value at
 *                  {@code checks}), {@code normalized} (the value at {@code checks} with {@code ..} resolved); null
 *                  for a check
 * @param requires  the checked value must carry what a {@code makes} row made ({@code normalized}: only a
 *                  normalised path compared with a base proves where it points), or null
 * @param untainted positions whose values must carry no taint (a base directory the attacker chose proves nothing)
 */
public record GuardRow(MethodPattern method, int checks, List<String> clears, Map<Integer, String> when, Integer pattern,
                       String makes, String requires, List<Integer> untainted, String provenance, String file) {
    public GuardRow {
        clears = List.copyOf(clears);
        untainted = List.copyOf(untainted);
    }
}
