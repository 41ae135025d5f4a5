package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.ClassScan;
import dev.triage.analysis.Detector;
import dev.triage.analysis.model.Models;
import dev.triage.contract.Confidence;
import dev.triage.contract.Detection;
import dev.triage.contract.Location;
import dev.triage.contract.PathStep;
import dev.triage.contract.Severity;
import dev.triage.program.HandlerAnnotations;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Framework settings written as annotations on handler methods or their class (the {@code annotation-settings}
 * table): a row names an annotation, the handler methods it configures (those carrying a handler annotation of an
 * entry-point kind in the program model's one list, such as Spring's mapping annotations for {@code spring-mvc}), and
 * a text pattern per attribute, every one of which must match one of the attribute's texts (a String, or an element
 * of a String[]). The annotation's attributes on the method are joined with those on the class as the framework
 * joins them: arrays are combined, a scalar on the method wins. Each handler the settings apply to is reported at its
 * first line: each is an endpoint so configured. {@code @CrossOrigin(originPatterns = "*", allowCredentials = "true")}
 * is one.
 */
public final class AnnotationSettingDetector implements Detector {
    /** One row of {@code annotation-settings}. */
    record Setting(String rule, String annotation, Set<String> handlers, Map<String, Pattern> ifAll, Severity severity,
                   String message) {
    }

    private final List<Setting> settings;

    public AnnotationSettingDetector(Models models) {
        List<Setting> out = new ArrayList<>();
        JsonNode t = models.tables.get("annotation-settings");
        if (t != null) {
            for (JsonNode r : t) {
                // handlers: an entry-point kind of the program model's one list of handler annotations
                String kind = r.path("handlers").asText();
                Set<String> handlers = new TreeSet<>();
                for (HandlerAnnotations.Handler h : HandlerAnnotations.builtIn().handlers()) {
                    if (h.entryPoint().equals(kind)) handlers.add(h.descriptor());
                }
                if (handlers.isEmpty()) throw new IllegalStateException("annotation-settings: no handler annotations of entry-point kind '" + kind + "': " + r);
                Map<String, Pattern> ifAll = new LinkedHashMap<>();
                r.path("if-all").fields().forEachRemaining(e -> ifAll.put(e.getKey(), Pattern.compile(e.getValue().asText())));
                if (ifAll.isEmpty() || !r.hasNonNull("rule") || !r.hasNonNull("annotation") || !r.hasNonNull("message")) {
                    throw new IllegalStateException("annotation-settings: a row needs rule, annotation, if-all and message: " + r);
                }
                Severity severity = r.has("severity") ? Severity.ofLevel(r.get("severity").asInt()) : null;
                out.add(new Setting(r.get("rule").asText(), "L" + r.get("annotation").asText().replace('.', '/') + ";",
                        Set.copyOf(handlers), Map.copyOf(ifAll), severity, r.get("message").asText()));
            }
        }
        this.settings = List.copyOf(out);
    }

    @Override
    public Set<String> rules() {
        Set<String> r = new TreeSet<>();
        settings.forEach(s -> r.add(s.rule()));
        return r;
    }

    @Override
    public void visitClass(ClassScan scan) {
        if (settings.isEmpty()) return;
        var cls = scan.node();
        for (Setting s : settings) {
            Map<String, List<String>> onClass = attributes(find(s.annotation(), cls.visibleAnnotations, cls.invisibleAnnotations));
            for (MethodNode m : cls.methods) {
                if (m.instructions.size() == 0 || MethodAnnotations.find(s.handlers(), m.visibleAnnotations, m.invisibleAnnotations) == null) continue;
                AnnotationNode onMethod = find(s.annotation(), m.visibleAnnotations, m.invisibleAnnotations);
                if (onMethod == null && onClass == null) continue;
                Map<String, List<String>> effective = joined(onClass, attributes(onMethod));
                if (!holds(s, effective)) continue;
                int line = MethodAnnotations.firstLine(m);
                Location at = scan.location(m.name, m.desc, line);
                String where = onMethod != null ? "the handler" : "its class";
                String message = s.message().replace("{where}", where);
                scan.reporter().report(new Detection(s.rule(), at, message, List.of(new PathStep(at, message)), Confidence.HIGH,
                        "annotation|" + s.annotation() + "|" + m.name + m.desc, s.severity(), Map.of()));
            }
        }
    }

    private static boolean holds(Setting s, Map<String, List<String>> attributes) {
        for (Map.Entry<String, Pattern> c : s.ifAll().entrySet()) {
            List<String> texts = attributes.getOrDefault(c.getKey(), List.of());
            if (texts.stream().noneMatch(t -> c.getValue().matcher(t).matches())) return false;
        }
        return true;
    }

    /** The class's attributes under the method's: arrays combined (Spring adds a method's origins to its class's), scalars overridden. */
    private static Map<String, List<String>> joined(Map<String, List<String>> onClass, Map<String, List<String>> onMethod) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (onClass != null) out.putAll(onClass);
        if (onMethod != null) {
            onMethod.forEach((k, v) -> {
                List<String> prev = out.get(k);
                if (prev != null && ARRAY.equals(prev.get(0)) && !v.isEmpty() && ARRAY.equals(v.get(0))) {
                    List<String> both = new ArrayList<>(prev);
                    both.addAll(v.subList(1, v.size()));
                    out.put(k, both);
                } else {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    /** Marks an attribute whose value was an array (first element of its list). */
    private static final String ARRAY = "\u0000[]";

    /** The annotation's String and String[] attributes as texts (an array's list starts with {@link #ARRAY}); null for no annotation. */
    private static Map<String, List<String>> attributes(AnnotationNode a) {
        if (a == null) return null;
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (a.values == null) return out;
        for (int i = 0; i + 1 < a.values.size(); i += 2) {
            String name = (String) a.values.get(i);
            Object v = a.values.get(i + 1);
            List<String> texts = new ArrayList<>();
            if (v instanceof List<?> l) {
                texts.add(ARRAY);
                for (Object o : l) if (o instanceof String str) texts.add(str);
            } else if (v instanceof String str) {
                texts.add(str);
            } else {
                continue;
            }
            out.put(name, texts);
        }
        return out;
    }

    private static AnnotationNode find(String descriptor, List<AnnotationNode> visible, List<AnnotationNode> invisible) {
        return MethodAnnotations.find(Set.of(descriptor), visible, invisible);
    }
}
