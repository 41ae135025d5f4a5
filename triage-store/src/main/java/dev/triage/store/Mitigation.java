package dev.triage.store;

import java.util.Locale;

/** Why a flaw is left out of the policy and the study's counts, once someone else approved it. */
public enum Mitigation {
    FALSE_POSITIVE("false-positive"),
    ACCEPTED_RISK("accepted-risk"),
    MITIGATED_BY_DESIGN("mitigated-by-design"),
    MITIGATED_BY_ENVIRONMENT("mitigated-by-environment");

    private final String id;

    Mitigation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Mitigation of(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Mitigation m : values()) if (m.id.equals(t)) return m;
        throw new IllegalArgumentException("unknown mitigation '" + text
                + "': false-positive, accepted-risk, mitigated-by-design or mitigated-by-environment");
    }
}
