package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;

/** The row types of a model file. Argument positions are declared parameter indexes (0-based) or "this". */
public final class Rows {
    private Rows() {
    }

    /** Index meaning the receiver ({@code this}) in {@link Argument#argument()} and friends. */
    public static final int THIS = -1;
    /** Index meaning the call's return value. */
    public static final int RETURN = -2;

    /**
     * An argument whose value a detector checks.
     *
     * @param when conditions on other arguments' constants: argument index → regular expression
     *             (e.g. {@code Properties.setProperty} is a password sink only when argument 0 names a password)
     * @param receiverObject when set, the call's receiver must be a modelled object of this kind (a
     *             {@code PrintWriter} is an XSS sink only when it is the response's writer); null: any receiver
     * @param receiverUnlessAny not a sink when the receiver object's facts satisfy one alternative (an
     *             {@code ObjectInputStream} with a filter set)
     * @param receiverIfAny a sink only when the receiver object's facts satisfy one alternative (Jackson's
     *             {@code readValue} after default typing was switched on)
     * @param receiverLabelled a sink only when the receiver carries taint of this source kind (a stream over a
     *             file on shared storage, the output stream of a network connection); null: any receiver
     * @param argumentUnlessAny not a sink when the object in the sink argument itself has facts satisfying one
     *             alternative (an intent made explicit); empty: no condition
     * @param methodAnnotations for a row written for every method ({@code class: "*"}): a sink only for calls of
     *             app methods declared with one of these annotations (descriptors, e.g. Retrofit's {@code @POST});
     *             {@code argument} may then be {@link #ANY}
     */
    public record Argument(String kind, MethodPattern method, int argument, Map<Integer, String> when,
                           String receiverObject, List<Map<String, Object>> receiverUnlessAny,
                           List<Map<String, Object>> receiverIfAny, String receiverLabelled,
                           List<Map<String, Object>> argumentUnlessAny, List<String> methodAnnotations,
                           String provenance, String file) {
    }

    /** Position meaning every argument of a call ({@code argument: any}). */
    public static final int ANY = Integer.MIN_VALUE;

    /**
     * A call that matters by itself (a weak-hash helper) or whose result carries a label.
     *
     * @param when      conditions on the arguments' constants (argument index → regular expression), as for arguments
     * @param component for a source: the call counts only in the code of an Android component other apps can reach
     *                  ({@code exposed}: exported and not guarded by a signature permission), or null
     * @param nameMatches  for a row written for every method: a regular expression the called method's name must
     *                     match in full ({@code get(Ssn|Diagnosis|...)}), or null
     * @param classMatches for a row written for every class: a regular expression the called class's simple name
     *                     must match in full ({@code .*Patient}), or null
     */
    public record Call(String kind, MethodPattern method, String label, Map<Integer, String> when, String component,
                       java.util.regex.Pattern nameMatches, java.util.regex.Pattern classMatches,
                       String provenance, String file) {
        /** Whether the name conditions hold for a call of {@code name} on internal class {@code owner}. */
        public boolean namesMatch(String owner, String name) {
            if (nameMatches != null && !nameMatches.matcher(name).matches()) return false;
            if (classMatches == null) return true;
            String simple = owner.substring(owner.lastIndexOf('/') + 1);
            return classMatches.matcher(simple.substring(simple.lastIndexOf('$') + 1)).matches();
        }
    }

    /**
     * A call that registers an app object with the system so that other apps can reach it (a broadcast receiver
     * registered at run time): the object is at {@code receiver}; the registration is private when the int at
     * {@code flags} has a bit of the {@code receiver-not-exported-flags} table set, or a permission string is passed
     * at {@code permission} (-1 when the call has no such argument).
     */
    public record Registration(String kind, MethodPattern method, int receiver, int flags, int permission,
                               String provenance, String file) {
    }

    /** A static field that matters when read (e.g. an accept-all hostname verifier constant). */
    public record Field(String kind, String owner, String name, String label, String provenance, String file) {
    }

    /** Labels flow through these library calls from the given inputs to the result. */
    public record Summary(MethodPattern method, List<Integer> from, int to, String provenance, String file) {
    }

    /**
     * Parameters that are sources of untrusted (or sensitive) data, in one of three forms:
     * <ul>
     *   <li>{@code annotation}: a parameter with this annotation (Spring's {@code @RequestParam}, JAX-RS);</li>
     *   <li>{@code method}: the parameters at {@code arguments} of an app method that overrides this framework method
     *       (a broadcast receiver's {@code onReceive} intent, a content provider's {@code query} arguments);</li>
     *   <li>{@code methodAnnotation}: the parameters of an app method carrying this annotation (a WebView
     *       {@code @JavascriptInterface} method), at {@code arguments}, or every object parameter when empty.</li>
     * </ul>
     *
     * @param annotation       parameter annotation descriptor, or null
     * @param method           overridden method, or null
     * @param methodAnnotation method annotation descriptor, or null
     * @param arguments        declared parameter indexes (empty: every reference-typed parameter)
     * @param component        {@code exposed}: only in code of an Android component other apps can reach; or null
     */
    public record Parameter(String kind, String annotation, MethodPattern method, String methodAnnotation,
                            List<Integer> arguments, String label, String component, String provenance, String file) {
    }

    /**
     * A call whose result ({@code to}) is clean for the listed sink kinds ({@code all}: for every kind)
     * when it is computed from {@code from}; {@code when} restricts it to calls whose other arguments are
     * constants matching a pattern (replacing '\n' clears log forging; replacing 'a' does not).
     */
    public record Sanitizer(MethodPattern method, List<Integer> from, int to, List<String> clears,
                            Map<Integer, String> when, String provenance, String file) {
    }

    /**
     * A check whose success makes a value safe on the branch where it succeeded: an allow-list lookup
     * ({@code ALLOWED.contains(x)}), a pattern match ({@code x.matches("[a-z]+")}), a comparison with a
     * constant. {@code checks} is the position of the checked value; {@code when} may ask for constants
     * (position {@code -1} is the receiver).
     */
    public record Guard(MethodPattern method, int checks, List<String> clears, Map<Integer, String> when,
                        String provenance, String file) {
    }

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
                             List<Effect> effects, Map<String, Integer> initialFromArguments,
                             Map<String, Integer> initialTypes, boolean copyFacts, List<String> types,
                             List<MethodPattern> views, String provenance, String file) {
    }

    /**
     * A call that records a fact on an object (the receiver unless {@code target} says otherwise).
     *
     * @param key         fixed fact name, or null when {@code keyArgument} names it
     * @param keyArgument argument whose constant names the fact (e.g. setFeature's feature URI), or null
     * @param valueArgument argument whose constant is the value, or null when {@code value} is fixed
     * @param value       a fixed value
     */
    public record Effect(MethodPattern method, String key, Integer keyArgument, Integer valueArgument, Object value) {
    }

    /**
     * A place where an object's facts and the call's constant arguments are checked: report {@code rule} at
     * calls of {@code at} when the object in {@code argument} is of type {@code object}, none of
     * {@code unlessAny} holds and (when given) one alternative of {@code ifAny} holds with known values, and
     * every condition of {@code when} holds. Without {@code object} only {@code when} is checked.
     *
     * @param object    the object type, or null for a check on constant arguments only
     * @param when      argument index → condition on every constant the argument may hold
     * @param raise     a higher severity (and its message) for apps whose minSdk is below a level, or null
     */
    public record Check(String rule, MethodPattern at, int argument, String object,
                        List<Map<String, Object>> unlessAny, List<Map<String, Object>> ifAny,
                        Map<Integer, Condition> when, Raise raise, String message, String provenance, String file) {
    }

    /**
     * A condition on a constant argument: equal to {@code equals} (booleans as 1/0), or an int with at least one
     * bit of {@code bitsAny} set, or with none of {@code bitsNone}; null parts are not tested.
     */
    public record Condition(Object equals, Integer bitsAny, Integer bitsNone) {
        /** True when the constant satisfies every part. */
        public boolean test(Object constant) {
            if (equals != null && !String.valueOf(equals).equals(String.valueOf(constant))) return false;
            if (bitsAny != null && !(constant instanceof Integer i && (i & bitsAny) != 0)) return false;
            return bitsNone == null || constant instanceof Integer i && (i & bitsNone) == 0;
        }
    }

    /** A check's severity and message when the Android app's minSdk is below {@code minSdkBelow}. */
    public record Raise(int minSdkBelow, int severity, String message) {
    }
}
