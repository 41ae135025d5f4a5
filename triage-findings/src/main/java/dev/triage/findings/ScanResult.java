package dev.triage.findings;

import dev.triage.components.ComponentReport;

import java.util.List;

/**
 * The outcome of one scan, handed to every output.
 *
 * @param toolVersion Triage's version
 * @param inputs      the inputs as given on the command line
 * @param findings    findings in their deterministic order (see {@link FindingOrder})
 * @param problems    what was skipped or not finished, with reasons
 * @param rules       the rules that ran (SARIF lists them all, whether or not they fired)
 * @param stats       figures
 * @param components  the bundled libraries, their advisories and ages (for the SBOM); empty when the
 *                    components stage did not run
 * @param appCode     which nested jars were read as app code, and why there is no app code when there is none
 */
public record ScanResult(String toolVersion, List<String> inputs, List<Finding> findings,
                         List<ScanProblem> problems, List<Rule> rules, ScanStats stats, ComponentReport components,
                         AppCode appCode) {
    public ScanResult {
        inputs = List.copyOf(inputs);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        rules = List.copyOf(rules);
        if (components == null) components = ComponentReport.empty();
        if (appCode == null) appCode = AppCode.empty();
    }

    /** A result without app-code verdicts. */
    public ScanResult(String toolVersion, List<String> inputs, List<Finding> findings,
                      List<ScanProblem> problems, List<Rule> rules, ScanStats stats, ComponentReport components) {
        this(toolVersion, inputs, findings, problems, rules, stats, components, AppCode.empty());
    }

    /** A result without a component inventory. */
    public ScanResult(String toolVersion, List<String> inputs, List<Finding> findings,
                      List<ScanProblem> problems, List<Rule> rules, ScanStats stats) {
        this(toolVersion, inputs, findings, problems, rules, stats, ComponentReport.empty());
    }

    /** The same result with other findings (after suppressions or a baseline), keeping everything else. */
    public ScanResult withFindings(List<Finding> kept) {
        return new ScanResult(toolVersion, inputs, kept, problems, rules, stats, components, appCode);
    }
}
