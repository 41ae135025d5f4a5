package dev.triage.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.RegistrationRow;
import dev.triage.analysis.value.ComponentExposure;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.analysis.value.Value;
import dev.triage.program.Program;
import dev.triage.program.android.AndroidApp;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis of an Android app: which app code other apps can reach. A class is exposed when a
 * manifest component that is exported without a protecting permission is it or extends it, or when the app
 * registers its objects at run time as a broadcast receiver without {@code RECEIVER_NOT_EXPORTED} or a permission
 * (the models' {@code registrations} rows).
 *
 * <p>The registrations are found by the value analysis of the methods that make them. That analysis sees the
 * manifest's exposure only ({@link #manifestOnly()}): whether a registration is private never depends on who may
 * call the registering code, so the two questions do not depend on each other. The registered receivers are computed
 * once, under a lock; until then no answer that depends on them is cached.
 */
public final class AndroidExposure implements ComponentExposure {
    public static final AnalysisId<AndroidExposure> ID = AnalysisId.of("android-exposure", AndroidExposure::new);

    private final AnalysisContext context;
    private final Program program;
    private final Models models;
    private final Map<String, Boolean> exposedClasses = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile Set<String> registeredReceivers;

    private AndroidExposure(AnalysisContext context) {
        this.context = context;
        this.program = context.program();
        this.models = context.models();
    }

    @Override
    public boolean exposedComponent(String internalName) {
        return nestedIn(internalName, this::exposedComponentClass);
    }

    @Override
    public boolean exposedComponentClass(String internalName) {
        if (program.android() == null || internalName == null) return false;
        Boolean known = exposedClasses.get(internalName);
        if (known != null) return known;
        boolean exposed = exportedInManifest(internalName);
        if (!exposed) {
            for (String r : registeredReceivers()) {
                if (isOrExtends(r, internalName)) {
                    exposed = true;
                    break;
                }
            }
        }
        exposedClasses.put(internalName, exposed);
        return exposed;
    }

    /** Exposure as the manifest alone decides it: what the analysis of the registrations themselves sees. */
    ComponentExposure manifestOnly() {
        return new ComponentExposure() {
            @Override
            public boolean exposedComponent(String internalName) {
                return nestedIn(internalName, this::exposedComponentClass);
            }

            @Override
            public boolean exposedComponentClass(String internalName) {
                return program.android() != null && internalName != null && exportedInManifest(internalName);
            }
        };
    }

    /** The class or a class it is nested in ({@code Outer$Inner$1} runs inside {@code Outer$Inner} and {@code Outer}) is exposed. */
    private boolean nestedIn(String internalName, java.util.function.Predicate<String> exposedClass) {
        if (program.android() == null || internalName == null) return false;
        int slash = internalName.lastIndexOf('/');
        for (String k = internalName; k != null; ) {
            if (exposedClass.test(k)) return true;
            int d = k.lastIndexOf('$');
            k = d > slash ? k.substring(0, d) : null;
        }
        return false;
    }

    private boolean exportedInManifest(String internalName) {
        AndroidApp app = program.android();
        for (AndroidApp.Component c : app.components()) {
            if (c.implementation() != null && app.exposed(c) && isOrExtends(c.implementation(), internalName)) return true;
        }
        return false;
    }

    /** Objects of {@code component} run the code of {@code cls}: it is the class or an app superclass of it. */
    private boolean isOrExtends(String component, String cls) {
        return component.equals(cls) || (program.isApp(cls) && program.isSubtype(component, cls));
    }

    /** App classes whose objects the app registers at run time so that any app can call them, computed once. */
    private Set<String> registeredReceivers() {
        Set<String> d = registeredReceivers;
        if (d != null) return d;
        synchronized (lock) {
            if (registeredReceivers == null) registeredReceivers = computeRegisteredReceivers();
            return registeredReceivers;
        }
    }

    private Set<String> computeRegisteredReceivers() {
        Set<String> out = new TreeSet<>();
        if (models.registrations.isEmpty() || program.android() == null) return out;
        Set<String> names = new HashSet<>();
        models.registrations.forEach(r -> names.add(r.method().name()));
        int notExported = 0;
        for (JsonNode f : models.tables.getOrDefault("receiver-not-exported-flags", MissingNode.getInstance())) notExported |= f.asInt();
        ComponentExposure manifest = manifestOnly();
        for (Program.AppClass a : program.appClasses()) {
            if (names.stream().noneMatch(n -> mentions(a.bytes(), n))) continue;
            ClassNode c = program.readCode(a.info().name());
            if (c == null) continue;
            for (MethodNode m : c.methods) {
                boolean calls = false;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null && !calls; insn = insn.getNext()) {
                    calls = insn instanceof MethodInsnNode mi && names.contains(mi.name);
                }
                if (!calls) continue;
                MethodFrames mf;
                try {
                    mf = context.analyse(c, m, AnalysisContext.MAX_DEPTH + 1, manifest);
                } catch (dev.triage.analysis.value.ValueContext.DeadlineExceeded e) {
                    throw e;
                } catch (RuntimeException e) {
                    continue;
                }
                if (mf == null) continue;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (!(insn instanceof MethodInsnNode mi) || mf.before(mi) == null) continue;
                    for (RegistrationRow r : models.registrations) {
                        if (!ModelMatch.matches(r.method(), mi, program)) continue;
                        boolean recv = mi.getOpcode() != Opcodes.INVOKESTATIC;
                        if (r.permission() >= 0) {
                            Value p = mf.argument(mi, mi.desc, recv, r.permission());
                            // a permission (or one we cannot see) restricts who may send
                            if (p == null || p.constants() == null || p.constants().size() != 1
                                    || p.constants().iterator().next() != Value.NULL) continue;
                        }
                        if (r.flags() >= 0) {
                            Value f = mf.argument(mi, mi.desc, recv, r.flags());
                            Integer flags = f == null ? null : f.singleInt();
                            if (flags == null || (flags & notExported) != 0) continue;
                        }
                        Value receiver = mf.argument(mi, mi.desc, recv, r.receiver());
                        if (receiver == null) continue;
                        if (receiver.object() != null && receiver.object().get("new") instanceof String exact) {
                            if (program.isApp(exact)) out.add(exact);
                        } else if (receiver.type() != null && receiver.type().getSort() == Type.OBJECT) {
                            String t = receiver.type().getInternalName();
                            if (program.isApp(t)) out.add(t);
                            for (String sub : program.subtypes(t)) if (program.isApp(sub)) out.add(sub);
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Whether a class file's bytes contain this name (a cheap filter before parsing its code). */
    private static boolean mentions(byte[] bytes, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= bytes.length; i++) {
            for (int j = 0; j < n.length; j++) if (bytes[i + j] != n[j]) continue outer;
            return true;
        }
        return false;
    }
}
