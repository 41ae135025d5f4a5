package dev.triage.analysis.model;

import java.util.List;

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
 * @param named            for an {@code annotation} row: the row holds only for a parameter whose request name matches
 *                         in full (the annotation's {@code value} or {@code name}, else the compiled parameter name:
 *                         {@code @RequestParam("password")}, {@code @RequestParam String password}); or null
 */
public record ParameterRow(String kind, String annotation, MethodPattern method, String methodAnnotation,
                        List<Integer> arguments, String label, String component, java.util.regex.Pattern named,
                        String provenance, String file) {
}
