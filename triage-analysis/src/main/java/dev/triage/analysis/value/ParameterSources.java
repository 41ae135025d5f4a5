package dev.triage.analysis.value;

import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.ParameterRow;
import dev.triage.program.HandlerAnnotations;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which parameters of an app method are sources: parameters with a source annotation from the
 * models (Spring's @RequestParam, JAX-RS's @QueryParam...), un-annotated simple parameters of Spring
 * handler methods (bound from request parameters), un-annotated entity parameters of JAX-RS resource
 * methods (the request body), and {@code main}'s arguments (command-line input).
 */
final class ParameterSources {

    /**
     * Annotations of handler methods whose un-annotated parameters Spring binds from request parameters, and those
     * JAX-RS fills with the request body: the program model's list, the one its entry points come from.
     */
    private static final Set<String> BINDS_REQUEST_PARAMETERS = HandlerAnnotations.builtIn().binding("request-parameters");
    private static final Set<String> BINDS_REQUEST_ENTITY = HandlerAnnotations.builtIn().binding("request-entity");

    private ParameterSources() {
    }

    /**
     * The source kinds of a parameter (empty when it is none): every row of its annotations that holds (a row
     * {@code named} for a credential holds only for a parameter bound by such a name), else the framework's own.
     */
    static List<Source> labelsOf(ValueContext ctx, ComponentExposure exposure, ClassNode owner, MethodNode method, int param, Type type) {
        if (type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY) return List.of();
        // Numbers, booleans, dates and UUIDs the framework has already converted cannot carry an injection.
        if (type.getSort() == Type.OBJECT && tableSet(ctx, "converted-parameter-types").contains(type.getInternalName())) return List.of();
        List<AnnotationNode> anns = annotations(method, param);
        List<Source> labels = new ArrayList<>();
        for (AnnotationNode a : anns) labels.addAll(annotationLabels(ctx, a.desc, a, method, param));
        if (!labels.isEmpty()) return labels;
        Source framework = frameworkSource(ctx, exposure, owner, method, param);
        if (framework != null) return List.of(framework);
        if ((method.access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0 && method.name.equals("main")
                && method.desc.equals("([Ljava/lang/String;)V")) {
            return List.of(new Source("command-line", "engine (main's arguments)"));
        }
        if (!anns.isEmpty() || type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY) return List.of();
        Set<String> handler = BINDS_REQUEST_PARAMETERS;
        Set<String> jaxrs = BINDS_REQUEST_ENTITY;
        boolean isHandler = has(method.visibleAnnotations, handler) || has(method.invisibleAnnotations, handler);
        boolean isResource = has(method.visibleAnnotations, jaxrs);
        if (isHandler && tableSet(ctx, "handler-simple-parameter-types").contains(type.getDescriptor())) {
            // Spring binds it as if it carried @RequestParam (by the compiled parameter name): that annotation's rows
            List<Source> implicit = new ArrayList<>();
            for (String desc : tableSet(ctx, "handler-implicit-parameter-annotation")) {
                implicit.addAll(annotationLabels(ctx, desc, null, method, param));
            }
            return implicit.isEmpty() ? List.of(new Source("remote", HANDLERS)) : implicit;
        }
        if (isResource && !tableSet(ctx, "framework-parameter-types").contains(type.getInternalName())) return List.of(new Source("remote", HANDLERS));
        return List.of();
    }

    /** A source kind a parameter carries, and the model row that says so ({@link Models#cite}). */
    record Source(String label, String provenance) {
    }

    /** Provenance of a parameter bound by a handler annotation alone. */
    private static final String HANDLERS = Models.cite("program/handler-annotations.yml", "manual");

    /** The labels of the rows for a parameter annotation (given, or implied when {@code a} is null) that hold. */
    private static List<Source> annotationLabels(ValueContext ctx, String descriptor, AnnotationNode a, MethodNode method, int param) {
        List<Source> out = new ArrayList<>();
        String name = null;
        boolean named = false;
        for (ParameterRow p : ctx.models().parameterSources(descriptor)) {
            if (p.named() != null) {
                if (!named) {
                    name = boundName(a, method, param);
                    named = true;
                }
                if (name == null || !p.named().matcher(name).matches()) continue;
            }
            if (out.stream().noneMatch(x -> x.label().equals(p.label()))) out.add(new Source(p.label(), Models.cite(p.file(), p.provenance())));
        }
        return out;
    }

    /**
     * The name a framework binds a parameter by: the annotation's {@code value} or {@code name} when it gives one,
     * else the compiled parameter name (javac {@code -parameters}, as Spring Boot builds compile; else the local
     * variable table of a debug build), or null when the class file keeps none.
     */
    private static String boundName(AnnotationNode a, MethodNode method, int param) {
        if (a != null && a.values != null) {
            for (int i = 0; i + 1 < a.values.size(); i += 2) {
                if ((a.values.get(i).equals("value") || a.values.get(i).equals("name"))
                        && a.values.get(i + 1) instanceof String s && !s.isEmpty()) {
                    return s;
                }
            }
        }
        if (method.parameters != null && param < method.parameters.size() && method.parameters.get(param).name != null) {
            return method.parameters.get(param).name;
        }
        if (method.localVariables == null) return null;
        int slot = (method.access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        Type[] args = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < param && i < args.length; i++) slot += args[i].getSize();
        for (LocalVariableNode lv : method.localVariables) {
            if (lv.index == slot && lv.start == firstLabel(method)) return lv.name;
        }
        for (LocalVariableNode lv : method.localVariables) {
            if (lv.index == slot) return lv.name;
        }
        return null;
    }

    private static LabelNode firstLabel(MethodNode method) {
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LabelNode l) return l;
        }
        return null;
    }

    /**
     * A parameter the framework fills with outside data: an app method overriding a modelled framework method (a
     * receiver's onReceive intent, a provider's query selection, a WebView client's URL), or any method carrying a
     * modelled annotation (a WebView {@code @JavascriptInterface} method, called by page script). Rows may require
     * the code to run in a component other apps can reach.
     */
    private static Source frameworkSource(ValueContext ctx, ComponentExposure exposure, ClassNode owner, MethodNode method, int param) {
        if ((method.access & org.objectweb.asm.Opcodes.ACC_STATIC) == 0) {
            for (ParameterRow p : ctx.models().overrideSources(method.name)) {
                if (!p.kind().equals("source") || !p.arguments().contains(param)) continue;
                if (!p.method().anyDescriptor() && !p.method().descriptor().equals(method.desc)) continue;
                if (!ctx.program().isSubtype(owner.name, p.method().owner())) continue;
                if (p.component() != null && !exposure.exposedComponentClass(owner.name)) continue;
                return new Source(p.label(), Models.cite(p.file(), p.provenance()));
            }
        }
        for (List<AnnotationNode> list : java.util.Arrays.asList(method.visibleAnnotations, method.invisibleAnnotations)) {
            if (list == null) continue;
            for (AnnotationNode a : list) {
                for (ParameterRow p : ctx.models().methodAnnotationSources(a.desc)) {
                    if (!p.arguments().isEmpty() && !p.arguments().contains(param)) continue;
                    if (p.component() != null && !exposure.exposedComponent(owner.name)) continue;
                    return new Source(p.label(), Models.cite(p.file(), p.provenance()));
                }
            }
        }
        return null;
    }

    private static List<AnnotationNode> annotations(MethodNode m, int param) {
        java.util.ArrayList<AnnotationNode> out = new java.util.ArrayList<>();
        if (m.visibleParameterAnnotations != null && param < m.visibleParameterAnnotations.length
                && m.visibleParameterAnnotations[param] != null) {
            out.addAll(m.visibleParameterAnnotations[param]);
        }
        if (m.invisibleParameterAnnotations != null && param < m.invisibleParameterAnnotations.length
                && m.invisibleParameterAnnotations[param] != null) {
            out.addAll(m.invisibleParameterAnnotations[param]);
        }
        return out;
    }

    private static boolean has(List<AnnotationNode> anns, Set<String> descriptors) {
        if (anns == null) return false;
        for (AnnotationNode a : anns) if (descriptors.contains(a.desc)) return true;
        return false;
    }

    private static Set<String> tableSet(ValueContext ctx, String name) {
        return ctx.models().stringSet(name);
    }
}
