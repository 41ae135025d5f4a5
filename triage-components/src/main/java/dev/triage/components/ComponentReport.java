package dev.triage.components;

import java.util.List;

/**
 * What the components stage found, for the SBOM and the reports.
 *
 * @param components      every identified component (jars and shaded copies), in intake order
 * @param vulnerabilities every advisory that applies to a component
 * @param outdated        components whose newest release is known, with their libyears
 * @param appBuildDate    the app's build date, epoch millis, 0 when unknown
 * @param appBuildSource  what the build date came from (manifest attribute or newest entry time)
 * @param database        the advisory database used, or null when none was available
 * @param problems        one line each: missing or old database, unreadable advisories
 */
public record ComponentReport(List<Component> components, List<Vulnerability> vulnerabilities, List<Outdated> outdated,
                              long appBuildDate, String appBuildSource, AdvisoryDb.Status database,
                              List<String> problems) {
    public ComponentReport {
        components = List.copyOf(components);
        vulnerabilities = List.copyOf(vulnerabilities);
        outdated = List.copyOf(outdated);
        problems = List.copyOf(problems);
    }

    public static ComponentReport empty() {
        return new ComponentReport(List.of(), List.of(), List.of(), 0, "", null, List.of());
    }

    /**
     * One advisory applying to one component.
     *
     * @param fixedVersion nearest fixed version above the installed one, or empty when none is known
     * @param evidence     one line saying why the reachability is what it is
     */
    public record Vulnerability(Component component, Advisory advisory, String fixedVersion, Reachability reachability,
                                String evidence) {
    }

    /**
     * A component with a newer release.
     *
     * @param latest      newest release version
     * @param latestDate  its date (epoch millis, 0 when unknown)
     * @param libyears    years between the installed version's release and the newest release, -1 when unknown
     */
    public record Outdated(Component component, String latest, long latestDate, double libyears) {
    }
}
