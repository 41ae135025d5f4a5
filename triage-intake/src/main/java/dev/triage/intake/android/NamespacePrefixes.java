package dev.triage.intake.android;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The namespace prefixes a decoded document uses, declared on its root element in this order: one set of rules for
 * {@link AxmlDecoder} and {@link ProtoXmlDecoder}, so that both write the same text for the same document.
 */
final class NamespacePrefixes {
    private final Map<String, String> byUri = new LinkedHashMap<>();

    /**
     * A namespace the document declares: the android namespace is always {@code android}; a prefix that is not an
     * XML name, starts with {@code xml} or is taken already becomes {@code nsN}. The first declaration of a URI wins;
     * an empty URI declares nothing.
     */
    void declare(String uri, String prefix) {
        if (uri == null || uri.isEmpty()) {
            return;
        }
        if (uri.equals(AxmlDecoder.ANDROID_NS)) {
            prefix = "android";
        }
        if (!validName(prefix) || byUri.containsValue(prefix)) {
            prefix = "ns" + (byUri.size() + 1);
        }
        byUri.putIfAbsent(uri, prefix);
    }

    /** The prefix of a namespace an attribute names (one not declared gets the next {@code nsN}); null for none. */
    String prefixFor(String uri) {
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        if (uri.equals(AxmlDecoder.ANDROID_NS)) {
            byUri.putIfAbsent(uri, "android");
            return "android";
        }
        return byUri.computeIfAbsent(uri, u -> "ns" + (byUri.size() + 1));
    }

    /** URI to prefix, in declaration order. */
    Map<String, String> byUri() {
        return byUri;
    }

    private static boolean validName(String s) {
        return s != null && !s.isEmpty() && AxmlDecoder.xmlName(s).equals(s) && !s.toLowerCase().startsWith("xml");
    }
}
