package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;

/**
 * A typestate-lite object: created by some calls; effects record facts about it. With
 * {@code copyFacts}, an object made by a call on another modelled object starts with that object's
 * facts and remembers its kind as the fact {@code factory-kind} (a parser knows how its factory was set up).
 *
 * @param creationFacts fixed facts each creating call records, by index of {@code createdBy} (an intent made
 *                      with {@code new Intent(context, Activity.class)} is explicit); empty maps for none
 * @param types         internal names of the types whose values are this object wherever they come from (a
 *                      parameter, a field, a cast, a call result): such an object enters the method with no
 *                      known facts (a WebView found with findViewById)
 * @param views         calls on the object whose result is the same object seen through another type
 *                      ({@code WebView.getSettings()}): effects on the result are facts of the object
 */
public record ObjectType(String name, List<MethodPattern> createdBy, List<Map<String, Object>> creationFacts,
                         List<EffectRow> effects, Map<String, Integer> initialFromArguments,
                         Map<String, Integer> initialTypes, boolean copyFacts, List<String> types,
                         List<MethodPattern> views, String provenance, String file) {
}
