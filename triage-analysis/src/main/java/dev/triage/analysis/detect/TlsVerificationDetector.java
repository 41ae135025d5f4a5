package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.ClassScan;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.CallRow;
import dev.triage.analysis.model.FieldRow;
import dev.triage.analysis.value.Value;
import dev.triage.program.MethodRef;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * java/trust-all-certificates: an app TrustManager whose checkServerTrusted can never reject.
 * java/accept-all-hostnames: a HostnameVerifier (class, anonymous class, lambda or method reference)
 * whose verify always returns true, or a library's accept-all verifier (from the models).
 */
public final class TlsVerificationDetector implements Detector {
    private static final String VERIFY_DESC = "(Ljava/lang/String;Ljavax/net/ssl/SSLSession;)Z";

    @Override
    public Set<String> rules() {
        return Set.of("java/trust-all-certificates", "java/accept-all-hostnames");
    }

    @Override
    public Set<String> modelKinds() {
        return Set.of("accept-all-hostname-verifier");
    }

    @Override
    public void visitClass(ClassScan scan) {
        AnalysisContext ctx = scan.context();
        String name = scan.info().name();
        boolean trustManager = Tables.set(ctx.models(), "trust-manager-types").stream().anyMatch(t -> ctx.program().isSubtype(name, t));
        boolean verifier = Tables.set(ctx.models(), "hostname-verifier-types").stream().anyMatch(t -> ctx.program().isSubtype(name, t));
        if (!trustManager && !verifier) return;
        Set<String> harmless = Tables.set(ctx.models(), "non-rejecting-call-owners");
        for (MethodNode m : scan.node().methods) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_BRIDGE)) != 0 || m.instructions.size() == 0) continue;
            if (trustManager && m.name.equals("checkServerTrusted") && neverRejects(m, harmless)) {
                int line = MethodAnnotations.firstLine(m);
                scan.reporter().report(new Detection("java/trust-all-certificates", scan.location(m.name, m.desc, line),
                        scan.info().dottedName() + ".checkServerTrusted accepts every certificate chain without checking it",
                        List.of(), Confidence.HIGH, "checkServerTrusted" + m.desc));
            }
            if (verifier && m.name.equals("verify") && m.desc.equals(VERIFY_DESC)) {
                int line = alwaysTrueLine(ctx, new MethodRef(name, m.name, m.desc));
                if (line >= 0) {
                    scan.reporter().report(new Detection("java/accept-all-hostnames", scan.location(m.name, m.desc, line),
                            scan.info().dottedName() + ".verify returns true for every host", List.of(), Confidence.HIGH, "verify"));
                }
            }
        }
    }

    @Override
    public void visitMethod(MethodScan scan) {
        AnalysisContext ctx = scan.context();
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (scan.frames().before(insn) == null) continue;
            if (insn instanceof InvokeDynamicInsnNode indy) {
                Type ret = Type.getReturnType(indy.desc);
                if (ret.getSort() != Type.OBJECT || !Tables.set(ctx.models(), "hostname-verifier-types").contains(ret.getInternalName())) continue;
                if (indy.bsmArgs.length < 2 || !(indy.bsmArgs[1] instanceof Handle impl) || !ctx.program().isApp(impl.getOwner())) continue;
                int line = alwaysTrueLine(ctx, new MethodRef(impl.getOwner(), impl.getName(), impl.getDesc()));
                if (line >= 0) {
                    scan.report(new Detection("java/accept-all-hostnames", scan.location(indy),
                            "HostnameVerifier lambda " + impl.getName() + " returns true for every host", List.of(), Confidence.HIGH,
                            "lambda|" + impl.getDesc()));
                }
            } else if (insn instanceof MethodInsnNode mi) {
                for (CallRow c : ctx.models().callsNamed(mi.name)) {
                    if (c.kind().equals("accept-all-hostname-verifier") && ModelMatch.matches(c.method(), mi, ctx.program())) {
                        scan.report(dev.triage.analysis.Provenance.with(new Detection("java/accept-all-hostnames", scan.location(mi),
                                ArgumentDetector.callName(mi) + " is a hostname verifier that accepts every host", List.of(), Confidence.HIGH,
                                ArgumentDetector.sinkKey(mi)), dev.triage.analysis.Provenance.part("call",
                                dev.triage.analysis.model.Models.cite(c.file(), c.provenance()))));
                    }
                }
            } else if (insn instanceof FieldInsnNode fi && insn.getOpcode() == Opcodes.GETSTATIC) {
                for (FieldRow f : ctx.models().fields) {
                    if (f.kind().equals("accept-all-hostname-verifier") && f.owner().equals(fi.owner) && f.name().equals(fi.name)) {
                        scan.report(dev.triage.analysis.Provenance.with(new Detection("java/accept-all-hostnames", scan.location(fi),
                                fi.owner.substring(fi.owner.lastIndexOf('/') + 1) + "." + fi.name + " accepts every host", List.of(), Confidence.HIGH,
                                "field|" + fi.owner + "." + fi.name), dev.triage.analysis.Provenance.part("field",
                                dev.triage.analysis.model.Models.cite(f.file(), f.provenance()))));
                    }
                }
            }
        }
    }

    /** No throw and no call that could throw a CertificateException: the method cannot reject. */
    static boolean neverRejects(MethodNode m, Set<String> harmlessOwners) {
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.ATHROW) return false;
            if (insn instanceof MethodInsnNode mi && !harmless(mi, harmlessOwners)) return false;
            if (insn instanceof InvokeDynamicInsnNode indy && !"makeConcatWithConstants".equals(indy.name)) return false;
        }
        return true;
    }

    /** A table entry names a class ("java/io/PrintStream": any method) or a method-name prefix ("java/security/cert/X509Certificate#get"). */
    static boolean harmless(MethodInsnNode mi, Set<String> entries) {
        if (entries.contains(mi.owner)) return true;
        for (String e : entries) {
            int hash = e.indexOf('#');
            if (hash > 0 && e.regionMatches(0, mi.owner, 0, hash) && hash == mi.owner.length()
                    && mi.name.startsWith(e.substring(hash + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Line of the first return if every return of the method returns the constant true; -1 otherwise. */
    static int alwaysTrueLine(AnalysisContext ctx, MethodRef ref) {
        Optional<MethodFrames> mf = ctx.frames(ref, 0);
        if (mf.isEmpty()) return -1;
        int line = -1;
        for (AbstractInsnNode insn = mf.get().method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() != Opcodes.IRETURN) continue;
            Frame<Value> f = mf.get().before(insn);
            if (f == null) continue;
            Integer v = f.getStack(f.getStackSize() - 1).singleInt();
            if (v == null || v != 1) return -1;
            if (line < 0) line = mf.get().line(insn);
        }
        return line;
    }
}
