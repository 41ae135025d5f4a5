package dev.triage.findings;

import dev.triage.intake.JarRole;

import java.util.List;

/**
 * What Triage took to be the app: the jars nested in a war, an ear or a Spring Boot jar it read as app code or as
 * libraries (with why), and, when it found no app code at all, a note saying why (the inputs are then reported as
 * libraries: components, advisories, SBOM).
 *
 * @param jars the verdict on each nested jar, in intake order
 * @param note empty when there is app code; else why there is none
 */
public record AppCode(List<JarRole> jars, String note) {
    public AppCode {
        jars = List.copyOf(jars);
        note = note == null ? "" : note;
    }

    public static AppCode empty() {
        return new AppCode(List.of(), "");
    }

    /** The nested jars read as app code. */
    public List<JarRole> appJars() {
        return jars.stream().filter(JarRole::app).toList();
    }
}
