package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.AnalysisId;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-program analysis: whether an app class that JSON is bound to lets the document name the class to make. A
 * field carrying a polymorphic-typing annotation that writes class names ({@code @JsonTypeInfo(use = Id.CLASS)} or
 * {@code MINIMAL_CLASS}: the {@code polymorphic-type-annotations} table) and declared as a broad type (the
 * {@code polymorphic-broad-types} table: {@code Object}, {@code Serializable}...; also as the element type of an array
 * or a generic collection) lets the document pick any class on the class path, gadgets included. The same annotation
 * on a field of an app type (or {@code Id.NAME}) limits the choice to that type's subtypes or to named types, and is
 * not reported. Fields are followed into the app classes they hold, up to {@link #MAX_DEPTH} levels.
 */
final class PolymorphicTargets {
    static final AnalysisId<PolymorphicTargets> ID = AnalysisId.of("polymorphic-targets", PolymorphicTargets::new);
    private static final int MAX_DEPTH = 4;
    private static final Pattern OBJECT_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    private record Marker(String descriptor, String attribute, Pattern values) {
    }

    private final AnalysisContext ctx;
    private final List<Marker> markers = new ArrayList<>();
    private final Set<String> broad = new TreeSet<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    private PolymorphicTargets(AnalysisContext ctx) {
        this.ctx = ctx;
        JsonNode t = ctx.models().tables.get("polymorphic-type-annotations");
        if (t != null) {
            for (JsonNode r : t) {
                markers.add(new Marker("L" + r.path("annotation").asText().replace('.', '/') + ";", r.path("attribute").asText(),
                        Pattern.compile(r.path("values").asText())));
            }
        }
        JsonNode b = ctx.models().tables.get("polymorphic-broad-types");
        if (b != null) b.forEach(n -> broad.add(n.asText().replace('.', '/')));
    }

    /** The class literal passed as a call's last argument (written right before the call), or null. */
    static String classLiteralArgument(MethodInsnNode mi, int index) {
        if (index != Type.getArgumentTypes(mi.desc).length - 1) return null;
        AbstractInsnNode p = mi.getPrevious();
        while (p != null && p.getOpcode() < 0) p = p.getPrevious();
        return p instanceof LdcInsnNode ldc && ldc.cst instanceof Type t && t.getSort() == Type.OBJECT ? t.getInternalName() : null;
    }

    /** The field (as {@code Owner.field}) through which a document bound to this class names any class; null when none. */
    String openField(String internalName) {
        String a = answers.get(internalName);
        if (a == null) {
            a = search(internalName, 0, new HashSet<>());
            answers.putIfAbsent(internalName, a == null ? "" : a);
        }
        return a == null || a.isEmpty() ? null : a;
    }

    private String search(String cls, int depth, Set<String> seen) {
        if (depth > MAX_DEPTH || !ctx.program().isApp(cls) || !seen.add(cls)) return null;
        List<String> chain = new ArrayList<>();
        for (String s : ctx.program().supertypes(cls)) if (ctx.program().isApp(s)) chain.add(s);
        if (!chain.contains(cls)) chain.add(0, cls);
        for (String c : chain) {
            ClassNode cn = ctx.classNode(c);
            if (cn == null) continue;
            for (FieldNode f : cn.fields) {
                if ((f.access & Opcodes.ACC_STATIC) != 0) continue;
                Set<String> types = declaredTypes(f);
                if (marked(f) && types.stream().anyMatch(broad::contains)) {
                    return c.replace('/', '.') + "." + f.name;
                }
            }
            for (FieldNode f : cn.fields) {
                if ((f.access & Opcodes.ACC_STATIC) != 0) continue;
                for (String t : declaredTypes(f)) {
                    String found = search(t, depth + 1, seen);
                    if (found != null) return found;
                }
            }
        }
        return null;
    }

    /** The field's declared class, an array's element class and the classes of its generic arguments ({@code *}: Object). */
    private static Set<String> declaredTypes(FieldNode f) {
        Set<String> out = new TreeSet<>();
        Type t = Type.getType(f.desc);
        if (t.getSort() == Type.ARRAY) t = t.getElementType();
        if (t.getSort() == Type.OBJECT) out.add(t.getInternalName());
        if (f.signature != null) {
            Matcher m = OBJECT_TYPE.matcher(f.signature);
            while (m.find()) out.add(m.group(1));
            if (f.signature.contains("<*>") || f.signature.contains(";*") || f.signature.contains("<*")) out.add("java/lang/Object");
        }
        return out;
    }

    private boolean marked(FieldNode f) {
        for (List<AnnotationNode> l : java.util.Arrays.asList(f.visibleAnnotations, f.invisibleAnnotations)) {
            if (l == null) continue;
            for (AnnotationNode a : l) {
                for (Marker m : markers) {
                    if (!m.descriptor().equals(a.desc) || a.values == null) continue;
                    for (int i = 0; i + 1 < a.values.size(); i += 2) {
                        if (!m.attribute().equals(a.values.get(i))) continue;
                        Object v = a.values.get(i + 1);
                        String text = v instanceof String[] e && e.length == 2 ? e[1] : String.valueOf(v);
                        if (m.values().matcher(text).matches()) return true;
                    }
                }
            }
        }
        return false;
    }
}
