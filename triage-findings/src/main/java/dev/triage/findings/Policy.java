package dev.triage.findings;

import dev.triage.contract.Severity;
import java.util.List;

/** The build policy: fail when a finding is at or above a severity. */
public record Policy(Severity failOn) {
    /** Findings that break the policy (none when no threshold is set). */
    public List<Finding> violations(List<Finding> findings) {
        if (failOn == null) return List.of();
        return findings.stream().filter(f -> f.severity().level() >= failOn.level()).toList();
    }
}
