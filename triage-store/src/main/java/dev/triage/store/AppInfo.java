package dev.triage.store;

/**
 * What is known about an app before it is scanned (from a portfolio manifest or the command line).
 *
 * @param key             stable id of the app across its versions (a manifest's app id, else derived from the file)
 * @param name            display name
 * @param platform        {@code jvm} or {@code android}
 * @param category        e.g. "telehealth", or null
 * @param vendor          or null
 * @param storeUpdatedDay the store's last-update date as an epoch day, or null when unknown
 */
public record AppInfo(String key, String name, String platform, String category, String vendor, Integer storeUpdatedDay) {
    public AppInfo {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("an app needs a key");
        if (name == null || name.isBlank()) name = key;
        if (platform == null || platform.isBlank()) platform = "jvm";
        category = blankToNull(category);
        vendor = blankToNull(vendor);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
