package dev.triage.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One task's work: the versions of one app listed in this round, in listing order, and what earlier rounds last
 * stored for the app (to skip a version already scanned, as the single-machine scan resumes).
 *
 * @param appKey       the app
 * @param versions     its listed versions
 * @param priorSha256  the artifact of the app's latest stored scan in earlier rounds, or null
 * @param priorStatus  that scan's status ({@code ok} or {@code failed}), or null
 */
record AppUnit(String appKey, List<Version> versions, String priorSha256, String priorStatus) implements Serializable {
    /** One listed artifact and what the manifest says about it. */
    record Version(String path, int line, String name, String platform, String category, String vendor,
                   Integer storeUpdatedDay, String version) implements Serializable {
    }
}
