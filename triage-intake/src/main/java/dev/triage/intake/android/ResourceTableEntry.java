package dev.triage.intake.android;

/**
 * One entry of an app's resource table, in one configuration.
 *
 * @param value for simple values (string, bool, integer, color...): the value as text, else null
 * @param file  for file-based resources: the file name inside the archive, else null
 */
public record ResourceTableEntry(String type, String name, int id, String config, String value, String file) {
}
