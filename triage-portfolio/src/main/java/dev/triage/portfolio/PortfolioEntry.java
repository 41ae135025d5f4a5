package dev.triage.portfolio;

import dev.triage.store.AppInfo;

import java.nio.file.Path;

/**
 * One app to scan in a portfolio: its artifact and what the manifest says about it.
 *
 * @param path    the artifact
 * @param app     the app it is a version of
 * @param version the version the manifest gives, or null
 * @param line    where it was listed (manifest line, or 0 for a directory listing)
 */
public record PortfolioEntry(Path path, AppInfo app, String version, int line) {
}
