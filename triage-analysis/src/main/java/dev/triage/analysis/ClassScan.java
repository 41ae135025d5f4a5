package dev.triage.analysis;

import dev.triage.contract.Location;
import dev.triage.program.ClassInfo;
import org.objectweb.asm.tree.ClassNode;

/** One app class handed to detectors. */
public record ClassScan(AnalysisContext context, ClassInfo info, ClassNode node, Reporter reporter) {
    public Location location(String methodName, String methodDesc, int line) {
        return Location.inCode(info.name(), methodName, methodDesc, info.sourcePath(), line, info.origin());
    }
}
