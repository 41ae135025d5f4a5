package dev.triage.store;

/**
 * One artifact of an app.
 *
 * @param sha256        hex SHA-256 of the artifact file: a different file is a different version
 * @param artifactName  the file name as found
 * @param artifactBytes its size
 * @param version       the version the manifest gives, or null
 */
public record VersionInfo(String sha256, String artifactName, long artifactBytes, String version) {
    public VersionInfo {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256: " + sha256);
        if (version != null && version.isBlank()) version = null;
    }
}
