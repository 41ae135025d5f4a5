package dev.triage.server;

import java.util.Locale;

/**
 * What a user may do. Every user reads only the apps of their teams (an admin reads every app).
 * <ul>
 *   <li>{@code admin}: manages users, teams and app ownership; reads every app, the portfolio report and the audit
 *       log; uploads and proposes. Does not review mitigations (separation of duties: that is the security team's).</li>
 *   <li>{@code reviewer}: the security team; uploads, proposes, and approves, rejects or revokes mitigations proposed
 *       by someone else.</li>
 *   <li>{@code developer}: uploads artifacts and proposes mitigations.</li>
 *   <li>{@code read-only}: reads.</li>
 * </ul>
 */
public enum Role {
    ADMIN("admin"), REVIEWER("reviewer"), DEVELOPER("developer"), READ_ONLY("read-only");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Role of(String id) {
        if (id != null) {
            String s = id.strip().toLowerCase(Locale.ROOT);
            for (Role r : values()) if (r.id.equals(s)) return r;
        }
        throw ApiError.badRequest("unknown role '" + id + "' (admin, reviewer, developer, read-only)");
    }

    public boolean seesEveryApp() {
        return this == ADMIN;
    }

    public boolean canUpload() {
        return this != READ_ONLY;
    }

    public boolean canPropose() {
        return this != READ_ONLY;
    }

    public boolean canReview() {
        return this == REVIEWER;
    }

    public boolean canAdminister() {
        return this == ADMIN;
    }
}
