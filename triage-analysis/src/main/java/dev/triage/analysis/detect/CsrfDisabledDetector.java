package dev.triage.analysis.detect;

import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.ClassScan;
import dev.triage.analysis.Detector;
import dev.triage.analysis.ResourceScan;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.contract.Location;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.android.XmlTree;
import java.nio.charset.StandardCharsets;
import dev.triage.contract.Confidence;
import dev.triage.contract.Detection;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.Set;

/**
 * java/csrf-disabled: a Spring Security configuration that switches CSRF protection off ({@code http.csrf().disable()},
 * {@code csrf(c -> c.disable())}, {@code csrf(AbstractHttpConfigurer::disable)}, WebFlux's {@code CsrfSpec}) in an
 * app whose sessions live in cookies. The configurer types and the method that switches them off are the models'
 * ({@code spring-security.yml}). A configuration class that makes its sessions stateless (it reads one of the
 * {@code stateless-session-fields}, such as {@code SessionCreationPolicy.STATELESS}) authenticates each request by a
 * token the browser does not send by itself, and is not reported. The same switch in Spring Security's XML namespace
 * ({@code <http><csrf disabled="true"/></http>} in a security context XML of the app) is reported at the
 * {@code <csrf>} element, unless that {@code <http>} makes sessions stateless ({@code create-session="stateless"}).
 */
public final class CsrfDisabledDetector implements Detector {
    static final String RULE = "java/csrf-disabled";

    @Override
    public Set<String> rules() {
        return Set.of(RULE);
    }

    @Override
    public void visitClass(ClassScan scan) {
        AnalysisContext ctx = scan.context();
        Set<String> configurers = Tables.set(ctx.models(), "csrf-configurer-types");
        Set<String> switchOff = Tables.set(ctx.models(), "csrf-switch-off-methods");
        Set<String> stateless = Tables.set(ctx.models(), "stateless-session-fields");
        if (readsAny(scan, stateless)) return;
        for (MethodNode m : scan.node().methods) {
            int line = 0;
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i instanceof LineNumberNode ln) line = ln.line;
                String how = null;
                if (i instanceof MethodInsnNode mi && switchOff.contains(mi.name) && configurers.contains(mi.owner)) {
                    how = simpleName(mi.owner) + "." + mi.name + "()";
                } else if (i instanceof InvokeDynamicInsnNode indy) {
                    how = methodReference(indy, configurers, switchOff);
                }
                if (how == null) continue;
                scan.reporter().report(new Detection(RULE, scan.location(m.name, m.desc, line),
                        "CSRF protection is switched off (" + how + ") for an app whose sessions are not stateless",
                        List.of(), Confidence.HIGH, "csrf-disabled|" + m.name + m.desc));
            }
        }
    }

    /**
     * Spring Security's XML namespace: in an app XML file that declares it, each {@code <http>} element with a
     * {@code <csrf disabled="true"/>} child, unless its {@code create-session} makes sessions stateless. The file is read
     * with the hardened parser (no DTD, no entities, bounded); one that cannot be read is a problem line.
     */
    @Override
    public void visitResources(ResourceScan scan) {
        AnalysisContext ctx = scan.context();
        JsonNode ns = ctx.models().tables.get("csrf-xml-namespace");
        if (ns == null) return;
        byte[] namespace = ns.asText().getBytes(StandardCharsets.UTF_8);
        Set<String> stateless = Tables.set(ctx.models(), "csrf-xml-stateless-sessions");
        for (ResourceEntry r : ctx.program().resources()) {
            if (r.role() != CodeRole.APP || !r.name().endsWith(".xml") || r.bytes().length > MAX_XML_BYTES || !contains(r.bytes(), namespace)) continue;
            XmlTree.Element root;
            try {
                root = XmlTree.parse(new String(r.bytes(), StandardCharsets.UTF_8));
            } catch (XmlTree.XmlException e) {
                scan.problem("spring security XML " + r.name() + " (" + r.origin() + ") not read: " + e.getMessage());
                continue;
            }
            for (XmlTree.Element http : root.descendants("http")) {
                String session = http.attr("create-session");
                if (session != null && stateless.contains(session.strip())) continue;
                for (XmlTree.Element csrf : http.children("csrf")) {
                    if (!"true".equalsIgnoreCase(String.valueOf(csrf.attr("disabled")).strip())) continue;
                    String pattern = http.attr("pattern");
                    scan.reporter().report(new Detection(RULE, Location.inResource(r.name(), csrf.line(), r.origin()),
                            "CSRF protection is switched off (<csrf disabled=\"true\"/>) for the <http> block"
                                    + (pattern == null ? "" : " of " + pattern) + " in " + r.name() + ", whose sessions are not stateless",
                            List.of(), Confidence.HIGH, "csrf-disabled|" + r.name() + "|" + (pattern == null ? "" : pattern)));
                }
            }
        }
    }

    /** Security context files are small; a larger XML file is no such configuration worth the parse. */
    private static final int MAX_XML_BYTES = 2 * 1024 * 1024;

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    /** A method reference such as {@code AbstractHttpConfigurer::disable} made for a CSRF configurer, or null. */
    private static String methodReference(InvokeDynamicInsnNode indy, Set<String> configurers, Set<String> switchOff) {
        if (indy.bsmArgs.length < 3 || !(indy.bsmArgs[1] instanceof Handle impl) || !(indy.bsmArgs[2] instanceof Type inst)) return null;
        if (!switchOff.contains(impl.getName()) || inst.getSort() != Type.METHOD) return null;
        Type[] args = inst.getArgumentTypes();
        if (args.length != 1 || args[0].getSort() != Type.OBJECT || !configurers.contains(args[0].getInternalName())) return null;
        return simpleName(impl.getOwner()) + "::" + impl.getName() + " on " + simpleName(args[0].getInternalName());
    }

    private static boolean readsAny(ClassScan scan, Set<String> fields) {
        for (MethodNode m : scan.node().methods) {
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i instanceof FieldInsnNode f && fields.contains(f.owner + "." + f.name)) return true;
            }
        }
        return false;
    }

    private static String simpleName(String internal) {
        return internal.substring(internal.lastIndexOf('/') + 1).replace('$', '.');
    }
}
