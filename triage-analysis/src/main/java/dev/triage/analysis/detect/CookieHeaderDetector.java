package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.Value;
import dev.triage.contract.Confidence;
import dev.triage.contract.Detection;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code Set-Cookie} header the app writes itself ({@code set-cookie-header} rows: the header's value): the cookie's
 * attributes are judged from the header's text, as the cookie checks judge a {@code Cookie}'s flags. The text must be
 * known well enough to say an attribute is missing: a constant (every value it may have), or known text around one
 * unknown cookie value ({@code "SESSION=" + id + "; Path=/; HttpOnly"}). A text whose attribute part holds an unknown
 * piece ({@code "id=" + v + attributes}), or a cookie being deleted ({@code Max-Age=0}), is not judged. The attributes
 * and the rules they answer are the table {@code set-cookie-attribute-rules}.
 */
public final class CookieHeaderDetector extends ArgumentDetector {
    private static final String TABLE = "set-cookie-attribute-rules";

    public CookieHeaderDetector() {
        super(Set.of("set-cookie-header"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/cookie-without-secure", "java/cookie-without-httponly");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        List<Set<String>> cookies = new ArrayList<>();
        Set<String> texts = value.strings();
        if (texts == null) {
            String template = value.template();
            if (template == null) return List.of();
            texts = Set.of(template);
        }
        for (String text : texts) {
            Set<String> attributes = attributes(text);
            // an attribute part we cannot read, or a cookie being deleted: nothing to say about this header
            if (attributes == null || attributes.contains("max-age=0")) return List.of();
            cookies.add(attributes);
        }
        if (cookies.isEmpty()) return List.of();
        List<Detection> out = new ArrayList<>();
        JsonNode table = scan.context().models().table(TABLE);
        for (JsonNode r : table) {
            String attribute = r.path("attribute").asText().toLowerCase(Locale.ROOT);
            // reported only when no text the header may have sets the attribute
            if (cookies.stream().anyMatch(a -> a.contains(attribute))) continue;
            String rule = r.path("rule").asText();
            out.add(new Detection(rule, scan.location(call), r.path("message").asText(),
                    List.of(), value.isKnown() ? Confidence.HIGH : Confidence.MEDIUM, sinkKey(call) + "|" + attribute));
        }
        return out;
    }

    /**
     * The attribute names of a Set-Cookie text (lower case; {@code max-age=0} stands for a deleting max age), or null
     * when the text does not show them all: no {@code name=value} first, more than one unknown part in it, or an
     * attribute whose name is not known.
     */
    static Set<String> attributes(String text) {
        String[] parts = text.split(";", -1);
        String pair = parts[0];
        int eq = pair.indexOf('=');
        if (eq <= 0 || pair.substring(0, eq).indexOf(Value.HOLE) >= 0) return null;
        if (pair.chars().filter(ch -> ch == Value.HOLE).count() > 1) return null;
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) continue;
            int e = part.indexOf('=');
            String name = (e < 0 ? part : part.substring(0, e)).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.indexOf(Value.HOLE) >= 0) return null;
            out.add(name);
            if (name.equals("max-age") && e >= 0 && part.substring(e + 1).strip().matches("0+|-[0-9]+")) out.add("max-age=0");
        }
        return out;
    }
}
