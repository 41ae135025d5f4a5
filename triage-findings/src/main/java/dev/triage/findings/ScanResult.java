package dev.triage.findings;

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
 */
public record ScanResult(String toolVersion, List<String> inputs, List<Finding> findings,
                         List<ScanProblem> problems, List<Rule> rules, ScanStats stats) {
    public ScanResult {
        inputs = List.copyOf(inputs);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        rules = List.copyOf(rules);
    }
}
