package dev.triage.analysis.detect;

import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.AnalysisId;
import dev.triage.analysis.ClassScan;
import dev.triage.analysis.Detector;
import dev.triage.analysis.model.Models;
import dev.triage.contract.Confidence;
import dev.triage.contract.Detection;
import dev.triage.contract.PathStep;
import dev.triage.program.ClassInfo;
import dev.triage.program.MethodInfo;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * java/missing-authorization (CWE-862): where the app's own habit is to put an authorization annotation
 * ({@code @Authorized}, {@code @PreAuthorize}, {@code @Secured}, {@code @RolesAllowed}) on its service methods, a public
 * service method that returns patient records without one. The habit is the codebase's: at least
 * {@code authorization-habit-minimum} service methods, and at least half of them, carry such an annotation (on the
 * method, on the service interface's declaration of it, or on the class). Service types, patient record types and the
 * annotations are the tables of {@code authorization.yml}. The finding stands at the method's first line (for an
 * interface, at each app implementation).
 */
public final class MissingAuthorizationDetector implements Detector {
    static final String RULE = "java/missing-authorization";
    private static final AnalysisId<Habit> HABIT = AnalysisId.of("authorization-habit", Habit::new);

    @Override
    public Set<String> rules() {
        return Set.of(RULE);
    }

    @Override
    public void visitClass(ClassScan scan) {
        AnalysisContext ctx = scan.context();
        Habit habit = ctx.results().get(HABIT);
        if (!habit.established) return;
        ClassInfo cls = scan.info();
        if (cls.isInterface() || habit.annotated(cls.annotations())) return;
        for (MethodNode m : scan.node().methods) {
            if (!habit.candidate(m.access, m.name) || m.instructions.size() == 0) continue;
            String record = habit.patientRecord(m.desc, m.signature);
            if (record == null) continue;
            MethodInfo own = cls.method(m.name, m.desc);
            if (own != null && habit.annotated(own.annotations())) continue;
            List<String> declarations = new ArrayList<>();
            if (habit.isService(cls.name())) declarations.add(cls.name());
            boolean annotatedAbove = false;
            for (String sup : ctx.program().supertypes(cls.name())) {
                if (sup.equals(cls.name()) || !ctx.program().isApp(sup) || !habit.isService(sup)) continue;
                ClassInfo si = ctx.program().find(sup);
                MethodInfo decl = si == null ? null : si.method(m.name, m.desc);
                if (decl == null) continue;
                declarations.add(sup);
                if (habit.annotated(decl.annotations()) || habit.annotated(si.annotations())) annotatedAbove = true;
            }
            if (declarations.isEmpty() || annotatedAbove) continue;
            int line = MethodAnnotations.firstLine(m);
            String service = declarations.get(declarations.size() - 1).replace('/', '.');
            String message = "public service method " + simple(service) + "." + m.name + " returns " + record
                    + " records without an authorization annotation, though " + habit.annotatedMethods + " of the app's "
                    + habit.serviceMethods + " service methods carry one";
            scan.reporter().report(new Detection(RULE, scan.location(m.name, m.desc, line), message,
                    List.of(new PathStep(scan.location(m.name, m.desc, line), "returns " + record + " records to any caller")),
                    Confidence.MEDIUM, cls.name() + "." + m.name + m.desc));
        }
    }

    private static String simple(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /** The codebase's habit, computed once per scan from class headers. */
    static final class Habit {
        final Set<String> annotations;
        final Set<String> exempt;
        final Pattern serviceName;
        final Pattern recordName;
        final int minimum;
        int serviceMethods;
        int annotatedMethods;
        final boolean established;

        Habit(AnalysisContext ctx) {
            Models models = ctx.models();
            annotations = descriptors(Tables.set(models, "authorization-annotations"));
            exempt = descriptors(Tables.set(models, "authorization-exempt-annotations"));
            serviceName = Pattern.compile(models.table("authorization-service-type-names").asText());
            recordName = Pattern.compile(models.table("patient-record-type-names").asText());
            minimum = models.table("authorization-habit-minimum").asInt();
            Program program = ctx.program();
            for (var app : program.appClasses()) {
                ClassInfo c = app.info();
                if (!isService(c.name())) continue;
                boolean classLevel = annotated(c.annotations());
                for (MethodInfo m : c.methods()) {
                    if (!candidate(m.access(), m.name())) continue;
                    serviceMethods++;
                    if (classLevel || annotated(m.annotations())) annotatedMethods++;
                }
            }
            established = annotatedMethods >= minimum && annotatedMethods * 2 >= serviceMethods;
        }

        private static Set<String> descriptors(Set<String> dotted) {
            Set<String> out = new java.util.HashSet<>();
            for (String d : dotted) out.add("L" + d.replace('.', '/') + ";");
            return out;
        }

        boolean isService(String internalName) {
            String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
            return !simple.contains("$") && serviceName.matcher(simple).matches();
        }

        /** A public instance method that is not a constructor, a bridge or synthetic. */
        boolean candidate(int access, String name) {
            if ((access & Opcodes.ACC_PUBLIC) == 0 || (access & Opcodes.ACC_STATIC) != 0) return false;
            if ((access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0) return false;
            return !name.startsWith("<") && !Set.of("equals", "hashCode", "toString").contains(name);
        }

        boolean annotated(List<String> descriptors) {
            for (String d : descriptors) if (annotations.contains(d) || exempt.contains(d)) return true;
            return false;
        }

        /** The patient record type a method returns (itself, or in a generic collection / optional), or null. */
        String patientRecord(String desc, String signature) {
            List<String> types = new ArrayList<>();
            Type ret = Type.getReturnType(desc);
            if (ret.getSort() == Type.ARRAY) ret = ret.getElementType();
            if (ret.getSort() == Type.OBJECT) types.add(ret.getInternalName());
            if (signature != null) {
                int close = signature.lastIndexOf(')');
                java.util.regex.Matcher m = Pattern.compile("L([\\w/$]+)").matcher(close < 0 ? "" : signature.substring(close + 1));
                while (m.find()) types.add(m.group(1));
            }
            for (String t : types) {
                String simple = t.substring(t.lastIndexOf('/') + 1);
                simple = simple.substring(simple.lastIndexOf('$') + 1);
                if (recordName.matcher(simple).matches()) return simple;
            }
            return null;
        }
    }
}
