package dev.triage.analysis.value;

import dev.triage.analysis.model.ParameterRow;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.Set;

/**
 * Which parameters of an app method are sources: parameters with a source annotation from the
 * models (Spring's @RequestParam, JAX-RS's @QueryParam...), un-annotated simple parameters of Spring
 * handler methods (bound from request parameters), un-annotated entity parameters of JAX-RS resource
 * methods (the request body), and {@code main}'s arguments (command-line input).
 */
final class ParameterSources {

    private ParameterSources() {
    }

    static String kindOf(ValueContext ctx, ComponentExposure exposure, ClassNode owner, MethodNode method, int param, Type type) {
        if (type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY) return null;
        // Numbers, booleans, dates and UUIDs the framework has already converted cannot carry an injection.
        if (type.getSort() == Type.OBJECT && tableSet(ctx, "converted-parameter-types").contains(type.getInternalName())) return null;
        List<AnnotationNode> anns = annotations(method, param);
        for (AnnotationNode a : anns) {
            for (ParameterRow p : ctx.models().parameterSources(a.desc)) return p.label();
        }
        String framework = frameworkSource(ctx, exposure, owner, method, param);
        if (framework != null) return framework;
        if ((method.access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0 && method.name.equals("main")
                && method.desc.equals("([Ljava/lang/String;)V")) {
            return "command-line";
        }
        if (!anns.isEmpty() || type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY) return null;
        Set<String> handler = tableSet(ctx, "handler-method-annotations");
        Set<String> jaxrs = tableSet(ctx, "jaxrs-method-annotations");
        boolean isHandler = has(method.visibleAnnotations, handler) || has(method.invisibleAnnotations, handler);
        boolean isResource = has(method.visibleAnnotations, jaxrs);
        if (isHandler && tableSet(ctx, "handler-simple-parameter-types").contains(type.getDescriptor())) return "remote";
        if (isResource && !tableSet(ctx, "framework-parameter-types").contains(type.getInternalName())) return "remote";
        return null;
    }

    /**
     * A parameter the framework fills with outside data: an app method overriding a modelled framework method (a
     * receiver's onReceive intent, a provider's query selection, a WebView client's URL), or any method carrying a
     * modelled annotation (a WebView {@code @JavascriptInterface} method, called by page script). Rows may require
     * the code to run in a component other apps can reach.
     */
    private static String frameworkSource(ValueContext ctx, ComponentExposure exposure, ClassNode owner, MethodNode method, int param) {
        if ((method.access & org.objectweb.asm.Opcodes.ACC_STATIC) == 0) {
            for (ParameterRow p : ctx.models().overrideSources(method.name)) {
                if (!p.kind().equals("source") || !p.arguments().contains(param)) continue;
                if (!p.method().anyDescriptor() && !p.method().descriptor().equals(method.desc)) continue;
                if (!ctx.program().isSubtype(owner.name, p.method().owner())) continue;
                if (p.component() != null && !exposure.exposedComponentClass(owner.name)) continue;
                return p.label();
            }
        }
        for (List<AnnotationNode> list : java.util.Arrays.asList(method.visibleAnnotations, method.invisibleAnnotations)) {
            if (list == null) continue;
            for (AnnotationNode a : list) {
                for (ParameterRow p : ctx.models().methodAnnotationSources(a.desc)) {
                    if (!p.arguments().isEmpty() && !p.arguments().contains(param)) continue;
                    if (p.component() != null && !exposure.exposedComponent(owner.name)) continue;
                    return p.label();
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
