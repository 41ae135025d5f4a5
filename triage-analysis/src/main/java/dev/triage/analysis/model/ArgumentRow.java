package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;

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
 * @param receiverUnhardened a sink only when the receiver object (or the factory that made it, {@code factory-kind})
 *             is of a kind that {@code checks} rows judge and satisfies none of their {@code unless-any}
 *             alternatives: an XML parser whose factory was not hardened against external entities
 * @param methodAnnotations for a row written for every method ({@code class: "*"}): a sink only for calls of
 *             app methods declared with one of these annotations (descriptors, e.g. Retrofit's {@code @POST});
 *             {@code argument} may then be {@link Position#ANY}
 * @param receiverAt the position whose value the receiver conditions read: {@link Position#THIS} (the call's
 *             receiver), or an argument ({@code receiver-at: 1}: a template merged into the writer at argument 1,
 *             which must be the response's)
 * @param resultOnly not a sink when what the call returns is used in the method only by these calls and never leaves
 *             it (an expression parsed from untrusted text and evaluated only in a {@code SimpleEvaluationContext});
 *             empty: no condition
 * @param mapperSubstituted for a row written for every method ({@code class: "*"}): a sink only for calls of app
 *             MyBatis mapper methods, at the parameters their SQL statements substitute as text ({@code ${name}},
 *             {@code MyBatisMappers}); {@code argument} is then {@link Position#ANY}
 * @param ifPrefix a sink only for a value whose known text prefix starts with a match (a Spring view name that is
 *             a redirect: {@code "redirect:"}); null: no condition
 * @param unlessPrefix not a sink for a value whose known text prefix starts with a match (a redirect to a fixed path);
 *             null: no condition
 * @param ifText a sink only for a value whose text matches in full: a constant it may have, or its template (known
 *             text with each unknown part U+0000: a Set-Cookie header that keeps the cookie on disk); null: no
 *             condition
 * @param ifBundled a sink only when the app bundles (or is given with {@code -cp}) the named library in a version of
 *             the range, read from its jar's file name (XStream before 1.4.18 deserializes any type unless told
 *             otherwise; later versions refuse unknown types by default); null: no condition
 * @param ifLabelled argument index → label: a sink only when that argument carries the label (a library constant
 *             labelled by a {@code fields} row, also inside a varargs array: {@code Feature.SupportAutoType}); empty:
 *             no condition
 * @param ifTargetPolymorphic the argument holding the class literal JSON is bound to (the call's last): a sink only when
 *             that app class lets the document name any class (polymorphic typing by class name on a broad field type:
 *             {@code @JsonTypeInfo(use = CLASS)} on an {@code Object} field); -1: no condition
 * @param unlessAppCalls not a sink when the app makes one of these calls anywhere (a process-wide switch: fastjson's
 *             safe mode set on the global configuration); empty: no condition
 * @param ifTemplateUnescaped a sink only when the template object at the condition's position may write a value
 *             unescaped: its configuration does not escape, its name is not one that escapes, and its text (found among
 *             the app's resources) writes some value without an escape; null: no condition
 */
public record ArgumentRow(String kind, MethodPattern method, int argument, Map<Integer, String> when,
                       String receiverObject, List<Map<String, Object>> receiverUnlessAny,
                       List<Map<String, Object>> receiverIfAny, String receiverLabelled,
                       List<Map<String, Object>> argumentUnlessAny, List<String> methodAnnotations, boolean receiverUnhardened,
                       List<CheckRow.ResultUse> resultOnly, boolean mapperSubstituted,
                       java.util.regex.Pattern ifPrefix, java.util.regex.Pattern unlessPrefix, int receiverAt,
                       java.util.regex.Pattern ifText, BundledRange ifBundled, Map<Integer, String> ifLabelled,
                       int ifTargetPolymorphic, List<AppCall> unlessAppCalls, TemplateCondition ifTemplateUnescaped,
                       String provenance, String file) {
    /**
     * A call the app makes somewhere: {@code method}, with every constant of the arguments in {@code when} matching
     * (booleans as 1/0) and the arguments in {@code labelled} (or the receiver, {@link Position#THIS}) carrying the label.
     */
    public record AppCall(MethodPattern method, Map<Integer, String> when, Map<Integer, String> labelled) {
    }

    /** A bundled library ({@code component}: its jar's name before the version) in {@code [from, below)}; either bound may be null. */
    public record BundledRange(String component, String from, String below) {
    }
}
