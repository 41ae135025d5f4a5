package dev.triage.analysis.detect;

import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.ReturnRow;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@code returns} rows apply to an app method: a handler (one of the row's method annotations) declared to
 * return one of the row's types, whose method or class carries (or does not carry) the row's annotations, and whose
 * mapping does not declare only media types the row trusts ({@code produces} of the method's mapping annotation,
 * else of its class's). The value returned is then judged at each {@code ARETURN} by {@link TaintDetector}, with the
 * row's conditions on the returned text's known prefix ({@link #prefixAllows}).
 */
final class HandlerReturns {
    private HandlerReturns() {
    }

    static List<ReturnRow> rowsFor(Models models, ClassNode owner, MethodNode method) {
        if (models.returns.isEmpty() || owner == null) return List.of();
        Set<String> onMethod = descriptors(method.visibleAnnotations, method.invisibleAnnotations);
        if (onMethod.isEmpty()) return List.of();
        Set<String> onClass = descriptors(owner.visibleAnnotations, owner.invisibleAnnotations);
        String returned = returnType(method);
        List<ReturnRow> out = new ArrayList<>();
        for (ReturnRow r : models.returns) {
            if (r.methodAnnotated().stream().noneMatch(onMethod::contains)) continue;
            if (!r.types().contains(returned)) continue;
            if (!r.ifAnnotated().isEmpty() && r.ifAnnotated().stream().noneMatch(a -> onMethod.contains(a) || onClass.contains(a))) continue;
            if (r.unlessAnnotated().stream().anyMatch(a -> onMethod.contains(a) || onClass.contains(a))) continue;
            if (r.unlessProduces() != null) {
                List<String> produces = produces(method.visibleAnnotations, r.methodAnnotated());
                if (produces.isEmpty()) produces = produces(owner.visibleAnnotations, r.methodAnnotated());
                if (!produces.isEmpty() && produces.stream().allMatch(p -> r.unlessProduces().matcher(p.strip()).matches())) continue;
            }
            out.add(r);
        }
        return out;
    }

    /** Whether the row's prefix conditions allow a returned value whose known prefix is {@code prefix} (null: unknown). */
    static boolean prefixAllows(ReturnRow r, String prefix) {
        if (r.ifPrefix() != null && (prefix == null || !r.ifPrefix().matcher(prefix).lookingAt())) return false;
        return r.unlessPrefix() == null || prefix == null || !r.unlessPrefix().matcher(prefix).lookingAt();
    }

    /** The declared return type: its generic signature when there is one, else its descriptor. */
    static String returnType(MethodNode m) {
        if (m.signature != null) {
            String s = m.signature;
            int thrown = s.indexOf('^');
            if (thrown >= 0) s = s.substring(0, thrown);
            int close = s.lastIndexOf(')');
            if (close >= 0) return s.substring(close + 1);
        }
        return Type.getReturnType(m.desc).getDescriptor();
    }

    @SafeVarargs
    private static Set<String> descriptors(List<AnnotationNode>... lists) {
        Set<String> out = new TreeSet<>();
        for (List<AnnotationNode> l : lists) if (l != null) l.forEach(a -> out.add(a.desc));
        return out;
    }

    /** The {@code produces} media types of the annotations named (a mapping annotation's String[] element). */
    private static List<String> produces(List<AnnotationNode> anns, List<String> mapping) {
        List<String> out = new ArrayList<>();
        if (anns == null) return out;
        for (AnnotationNode a : anns) {
            if (!mapping.contains(a.desc) || a.values == null) continue;
            for (int i = 0; i + 1 < a.values.size(); i += 2) {
                if (!"produces".equals(a.values.get(i))) continue;
                Object v = a.values.get(i + 1);
                if (v instanceof List<?> l) l.forEach(x -> out.add(String.valueOf(x)));
                else if (v != null) out.add(String.valueOf(v));
            }
        }
        return out;
    }
}
