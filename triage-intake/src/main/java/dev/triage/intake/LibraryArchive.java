package dev.triage.intake;

/**
 * A library archive bundled in the scanned artifact or given on the class path. The components
 * stage identifies it later; intake only records where it is and its digests.
 *
 * @param fileName  e.g. {@code log4j-core-2.14.1.jar}
 * @param origin    full origin, e.g. {@code portal.war!/WEB-INF/lib/log4j-core-2.14.1.jar}
 * @param size      size in bytes of the archive as stored
 * @param sha1      hex SHA-1 of the archive bytes
 * @param sha256    hex SHA-256 of the archive bytes
 * @param classCount class entries read from it
 */
public record LibraryArchive(String fileName, String origin, long size, String sha1, String sha256, int classCount) {
}
