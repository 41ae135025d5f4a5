package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.ClassScan;
import dev.triage.analysis.Detector;
import dev.triage.analysis.model.Models;
import dev.triage.contract.Confidence;
import dev.triage.contract.Detection;
import dev.triage.contract.Location;
import dev.triage.contract.PathStep;
import dev.triage.program.HandlerAnnotations;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code java/unsafe-deserialization} where the framework deserializes the request body itself: a handler method
 * (of the entry-point kind {@code request-body-handlers} names, in the program model's handler annotations) whose parameter carries an annotation of
 * {@code request-body-annotations} ({@code @RequestBody}) and is of an app class through whose fields the JSON document
 * names any class to make ({@link PolymorphicTargets}: {@code @JsonTypeInfo(use = Id.CLASS)} on a field of type
 * {@code Object}). Spring's Jackson converter honours the annotation without any default typing. Reported at the
 * handler's first line.
 */
public final class RequestBodyTypingDetector implements Detector {
    static final String RULE = "java/unsafe-deserialization";

    private final Set<String> handlers = new TreeSet<>();
    private final Set<String> bodies = new TreeSet<>();

    public RequestBodyTypingDetector(Models models) {
        // the handler methods of one entry-point kind of the program model's single list of handler annotations
        JsonNode kind = models.tables.get("request-body-handlers");
        if (kind != null) {
            for (HandlerAnnotations.Handler h : HandlerAnnotations.builtIn().handlers()) {
                if (h.entryPoint().equals(kind.asText())) handlers.add(h.descriptor());
            }
            if (handlers.isEmpty()) throw new IllegalStateException("request-body-handlers: no handler annotations of entry-point kind " + kind);
        }
        JsonNode b = models.tables.get("request-body-annotations");
        if (b != null) b.forEach(n -> bodies.add("L" + n.asText().replace('.', '/') + ";"));
    }

    @Override
    public Set<String> rules() {
        return bodies.isEmpty() ? Set.of() : Set.of(RULE);
    }

    @Override
    public void visitClass(ClassScan scan) {
        if (bodies.isEmpty()) return;
        for (MethodNode m : scan.node().methods) {
            if (m.instructions.size() == 0 || MethodAnnotations.find(handlers, m.visibleAnnotations, m.invisibleAnnotations) == null) continue;
            Type[] params = Type.getArgumentTypes(m.desc);
            for (int i = 0; i < params.length; i++) {
                if (params[i].getSort() != Type.OBJECT) continue;
                boolean body = (m.visibleParameterAnnotations != null && i < m.visibleParameterAnnotations.length
                        && MethodAnnotations.find(bodies, m.visibleParameterAnnotations[i]) != null)
                        || (m.invisibleParameterAnnotations != null && i < m.invisibleParameterAnnotations.length
                        && MethodAnnotations.find(bodies, m.invisibleParameterAnnotations[i]) != null);
                if (!body) continue;
                String field = scan.context().results().get(PolymorphicTargets.ID).openField(params[i].getInternalName());
                if (field == null) continue;
                int line = MethodAnnotations.firstLine(m);
                Location at = scan.location(m.name, m.desc, line);
                String message = "the request body is deserialized into " + params[i].getClassName() + ", whose field " + field
                        + " lets the JSON document name any class to instantiate (polymorphic typing by class name on a broad type)";
                scan.reporter().report(new Detection(RULE, at, message, List.of(new PathStep(at, message)), Confidence.HIGH,
                        "request-body|" + m.name + m.desc + "|" + i, null, Map.of()));
            }
        }
    }
}
