package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.Detector;
import dev.triage.analysis.LayoutViews;
import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.Value;
import dev.triage.analysis.value.ValueContext;
import dev.triage.program.ClassInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import dev.triage.program.android.AndroidApp;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * android/missing-flag-secure (informational): an activity of the app's own code that shows sensitive data (a password
 * or PIN field, patient data: {@link SensitiveScreens}) and whose class, app superclasses and
 * nested classes (lambdas, listeners) never set FLAG_SECURE on a window, directly or through app helpers up to
 * {@link #MAX_DEPTH} call graph edges away. The calls that set window flags are model rows of kind {@code window-flags}, the
 * fields that hold them the table {@code android-window-flags-fields}; a flags value that is not a known constant
 * counts as setting the flag. An activity lifecycle callback of the app that sets
 * it secures every activity. Activities of libraries, disabled ones and ones that never draw ({@code
 * android-no-display-themes}) are not reported. The finding stands at the activity's manifest element.
 */
public final class FlagSecureDetector implements Detector {
    static final String RULE = "android/missing-flag-secure";
    static final String KIND = "window-flags";
    /** Calls that set a view's input type in code (a password or PIN field made without a layout). */
    static final String INPUT_TYPE = "password-input-type";
    static final int MAX_DEPTH = 3;
    private static final String LIFECYCLE_CALLBACKS = "android/app/Application$ActivityLifecycleCallbacks";

    @Override
    public Set<String> rules() {
        return Set.of(RULE);
    }

    @Override
    public Set<String> modelKinds() {
        return Set.of(KIND, INPUT_TYPE);
    }

    @Override
    public void visitResources(ResourceScan scan) {
        AndroidApp app = AndroidFindings.app(scan);
        if (app == null) return;
        Models m = scan.context().models();
        Set<String> noDisplay = Tables.set(m, "android-no-display-themes");
        Checker checker = new Checker(scan.context(), m);
        SensitiveScreens screens = new SensitiveScreens(scan.context(), m, app);
        Program program = scan.context().program();
        try {
            for (String cb : program.subtypes(LIFECYCLE_CALLBACKS)) {
                if (program.isApp(cb) && checker.classSets(cb)) return; // every activity is secured
            }
            for (AndroidApp.Component c : app.components()) {
                if (c.kind() != AndroidApp.Kind.ACTIVITY || !c.enabled() || c.implementation() == null) continue;
                if (!program.isApp(c.implementation())) continue;
                String theme = c.element().android("theme");
                if (theme != null && noDisplay.contains(theme.strip())) continue;
                String shows = screens.shows(c.implementation());
                if (shows == null) continue; // nothing sensitive on this screen
                if (checker.activitySets(c.implementation())) continue;
                scan.reporter().report(AndroidFindings.at(app, RULE, AndroidApp.MANIFEST, c.line(), "Activity "
                        + AndroidFindings.name(c.className()) + " shows " + shows + " but never sets FLAG_SECURE on its window: it can be "
                        + "captured in screenshots, screen recordings and the recent-apps overview", Confidence.MEDIUM, "activity|" + c.className()));
            }
        } catch (ValueContext.DeadlineExceeded e) {
            // out of time: the remaining activities are not judged
        }
    }

    /**
     * Which activities show sensitive data: a password or PIN field in a layout their code names by its resource id
     * (or one included in it), or patient data read by their code (a source of a kind in
     * {@code android-sensitive-screen-sources}). The activity's class, its app superclasses and the classes nested in
     * them (listeners, lambdas) count as its code.
     */
    private static final class SensitiveScreens {
        private final AnalysisContext ctx;
        private final Models models;
        private final Program program;
        private final java.util.Map<Integer, String> passwordLayouts = new java.util.HashMap<>();
        private final Set<String> sensitiveSources;
        private final Set<Integer> passwordValues = new HashSet<>();
        private final List<ArgumentRow> inputTypeRows = new ArrayList<>();

        SensitiveScreens(AnalysisContext ctx, Models m, AndroidApp app) {
            this.ctx = ctx;
            this.models = m;
            this.program = ctx.program();
            this.sensitiveSources = Tables.set(m, "android-sensitive-screen-sources");
            Tables.set(m, "android-password-input-types"); // fails loudly when missing
            LayoutViews.PasswordInputs inputs = LayoutViews.PasswordInputs.of(m);
            passwordValues.addAll(inputs.typeValues());
            for (ArgumentRow a : m.arguments) if (a.kind().equals(INPUT_TYPE)) inputTypeRows.add(a);
            java.util.Map<String, Boolean> byName = new java.util.HashMap<>();
            for (var e : app.resources().ofType("layout")) {
                if (e.id() == 0 || e.file() == null) continue;
                if (hasPassword(app, "@layout/" + e.name(), inputs, byName, 0)) passwordLayouts.put(e.id(), e.name());
            }
        }

        /** Whether the layout (or one it includes) holds a password or PIN input; memoised by reference. */
        private static boolean hasPassword(AndroidApp app, String ref, LayoutViews.PasswordInputs inputs,
                                           java.util.Map<String, Boolean> memo, int depth) {
            Boolean known = memo.get(ref);
            if (known != null) return known;
            memo.put(ref, false); // an include cycle adds nothing
            AndroidApp.XmlFile f = depth > 8 ? null : app.xmlResource(ref);
            boolean out = f != null && element(app, f.root(), inputs, memo, depth, 0);
            memo.put(ref, out);
            return out;
        }

        private static boolean element(AndroidApp app, dev.triage.program.android.XmlTree.Element e, LayoutViews.PasswordInputs inputs,
                                       java.util.Map<String, Boolean> memo, int depth, int level) {
            if (level > 256) return false; // as deep as XmlTree parses
            if (inputs.declaredBy(e)) return true;
            String include = "include".equals(e.name()) ? e.attr("layout") : null;
            if (include != null && include.startsWith("@") && hasPassword(app, include, inputs, memo, depth + 1)) return true;
            for (var c : e.children()) if (element(app, c, inputs, memo, depth, level + 1)) return true;
            return false;
        }

        /** What sensitive data the activity shows ("a password field (layout login)", "patient data"), or null. */
        String shows(String activity) {
            List<String> classes = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String c = activity; c != null && program.isApp(c) && seen.add(c); ) {
                classes.add(c);
                ClassInfo info = program.find(c);
                c = info == null ? null : info.superName();
            }
            List<String> own = new ArrayList<>(classes);
            for (Program.AppClass a : program.appClasses()) {
                String n = a.info().name();
                for (String c : own) if (n.startsWith(c + "$")) classes.add(n);
            }
            for (String cls : classes) {
                ClassNode node = ctx.classNode(cls);
                if (node == null) continue;
                for (MethodNode mn : node.methods) {
                    for (AbstractInsnNode insn = mn.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                        if (insn instanceof org.objectweb.asm.tree.LdcInsnNode ldc && ldc.cst instanceof Integer id
                                && passwordLayouts.containsKey(id)) {
                            return "a password or PIN field (layout " + passwordLayouts.get(id) + ")";
                        }
                        if (insn instanceof MethodInsnNode mi) {
                            for (ArgumentRow a : inputTypeRows) {
                                if (!ModelMatch.matches(a.method(), mi, program)) continue;
                                Optional<MethodFrames> f = ctx.frames(new MethodRef(node.name, mn.name, mn.desc), 0);
                                Value v = f.isEmpty() || f.get().before(mi) == null ? null
                                        : f.get().argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, a.argument());
                                if (v == null || !v.isKnown()) continue;
                                for (Object c : v.constants()) {
                                    if (c instanceof Number n && passwordValues.contains(n.intValue() & 0xfff)) return "a password or PIN field";
                                }
                            }
                            for (dev.triage.analysis.model.CallRow row : models.callsNamed(mi.name)) {
                                if (!row.kind().equals("source") || !sensitiveSources.contains(row.label())) continue;
                                if (!row.namesMatch(mi.owner, mi.name) || !ModelMatch.matches(row.method(), mi, program)) continue;
                                if (!row.when().isEmpty()) {
                                    // a key that names patient data (getStringExtra("diagnosis")): judged on the constant
                                    Optional<MethodFrames> f = ctx.frames(new MethodRef(node.name, mn.name, mn.desc), 0);
                                    boolean receiver = mi.getOpcode() != Opcodes.INVOKESTATIC;
                                    if (f.isEmpty() || f.get().before(mi) == null
                                            || !ArgumentDetector.whenHolds(row.when(), i -> f.get().argument(mi, mi.desc, receiver, i))) continue;
                                }
                                var kind = models.sourceKind(row.label());
                                return kind == null ? row.label() + " data" : kind.displayName();
                            }
                        }
                    }
                }
            }
            return null;
        }
    }

    /**
     * Which app classes set FLAG_SECURE: those with a method that sets it, or calls (within {@link #MAX_DEPTH} call
     * graph edges) a method that does. Only classes whose constant pool names a class of the model rows are parsed.
     */
    private static final class Checker {
        private final AnalysisContext ctx;
        private final Program program;
        private final List<ArgumentRow> rows = new ArrayList<>();
        private final int flag;
        private final Set<String> flagFields;
        private Set<String> secureClasses;

        Checker(AnalysisContext ctx, Models m) {
            this.ctx = ctx;
            this.program = ctx.program();
            for (ArgumentRow a : m.arguments) if (a.kind().equals(KIND)) rows.add(a);
            this.flag = AndroidFindings.number(m, "android-flag-secure");
            Set<String> fields = new HashSet<>();
            for (String f : Tables.set(m, "android-window-flags-fields")) {
                int dot = f.lastIndexOf('.');
                fields.add(f.substring(0, dot).replace('.', '/') + "." + f.substring(dot + 1));
            }
            this.flagFields = fields;
        }

        /** The activity class, one of its app superclasses, or a class nested in one of them sets the flag. */
        boolean activitySets(String activity) {
            Set<String> seen = new HashSet<>();
            for (String c = activity; c != null && program.isApp(c) && seen.add(c); ) {
                if (classSets(c)) return true;
                ClassInfo info = program.find(c);
                c = info == null ? null : info.superName();
            }
            return false;
        }

        /** The class, or a class nested in it ({@code Outer$1}, {@code Outer$$ExternalSyntheticLambda0}), sets the flag. */
        boolean classSets(String cls) {
            Set<String> secure = secureClasses();
            if (secure.contains(cls)) return true;
            for (String s : secure) if (s.startsWith(cls + "$")) return true;
            return false;
        }

        private Set<String> secureClasses() {
            if (secureClasses != null) return secureClasses;
            // 1. methods that set the flag themselves, in classes whose constant pool names a window-flags class
            List<byte[]> needles = new ArrayList<>();
            Set<String> owners = new java.util.TreeSet<>();
            for (ArgumentRow a : rows) owners.add(a.method().owner());
            for (String f : flagFields) owners.add(f.substring(0, f.lastIndexOf('.')));
            for (String o : owners) needles.add(o.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<String> candidates = new ArrayList<>();
            for (Program.AppClass a : program.appClasses()) {
                for (byte[] n : needles) {
                    if (contains(a.bytes(), n)) {
                        candidates.add(a.info().name());
                        break;
                    }
                }
            }
            candidates.sort(null);
            Set<MethodRef> reach = new HashSet<>();
            List<MethodRef> frontier = new ArrayList<>();
            for (String c : candidates) {
                ClassNode node = ctx.classNode(c);
                if (node == null) continue;
                for (MethodNode mn : node.methods) {
                    if (setsDirectly(node, mn)) {
                        MethodRef r = new MethodRef(node.name, mn.name, mn.desc);
                        if (reach.add(r)) frontier.add(r);
                    }
                }
            }
            // 2. their callers, up to MAX_DEPTH calls away
            for (int depth = 0; depth < MAX_DEPTH && !frontier.isEmpty(); depth++) {
                List<MethodRef> next = new ArrayList<>();
                for (MethodRef r : frontier) {
                    for (MethodRef caller : program.callGraph().callers(r)) if (reach.add(caller)) next.add(caller);
                }
                frontier = next;
            }
            Set<String> out = new HashSet<>();
            for (MethodRef r : reach) out.add(r.owner());
            secureClasses = out;
            return out;
        }

        private boolean setsDirectly(ClassNode owner, MethodNode mn) {
            if ((mn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || mn.instructions.size() == 0) return false;
            for (AbstractInsnNode insn = mn.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof FieldInsnNode fi && fi.getOpcode() == Opcodes.PUTFIELD
                        && flagFields.contains(fi.owner + "." + fi.name)) {
                    // params.flags |= FLAG_SECURE; window.setAttributes(params)
                    if (storedValueSets(owner, mn, fi)) return true;
                } else if (insn instanceof MethodInsnNode mi) {
                    ArgumentRow row = row(mi);
                    if (row != null && flagArgumentSets(owner, mn, mi, row.argument())) return true;
                }
            }
            return false;
        }

        private ArgumentRow row(MethodInsnNode mi) {
            for (ArgumentRow a : rows) if (ModelMatch.matches(a.method(), mi, program)) return a;
            return null;
        }

        /** The flags argument has the bit, or is not a known constant. */
        private boolean flagArgumentSets(ClassNode owner, MethodNode mn, MethodInsnNode mi, int argument) {
            Optional<MethodFrames> f = ctx.frames(new MethodRef(owner.name, mn.name, mn.desc), 0);
            if (f.isEmpty()) return true; // cannot tell: the developer may set it
            Value v = f.get().argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, argument);
            if (v == null) return false; // unreachable call
            return has(v);
        }

        /** The value a field write stores has the bit, or is not a known constant. */
        private boolean storedValueSets(ClassNode owner, MethodNode mn, FieldInsnNode store) {
            Optional<MethodFrames> f = ctx.frames(new MethodRef(owner.name, mn.name, mn.desc), 0);
            if (f.isEmpty()) return true;
            var frame = f.get().before(store);
            if (frame == null) return false;
            return has(frame.getStack(frame.getStackSize() - 1));
        }

        private boolean has(Value v) {
            if (!v.isKnown()) return true;
            for (Object c : v.constants()) {
                if (c instanceof Number n && (n.intValue() & flag) != 0) return true;
            }
            return false;
        }

        static boolean contains(byte[] hay, byte[] needle) {
            outer:
            for (int i = 0, last = hay.length - needle.length; i <= last; i++) {
                if (hay[i] != needle[0]) continue;
                for (int j = 1; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
                return true;
            }
            return false;
        }
    }
}
