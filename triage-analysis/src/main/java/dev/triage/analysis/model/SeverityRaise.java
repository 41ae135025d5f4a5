package dev.triage.analysis.model;

/** A check's severity and message when the Android app's minSdk is below {@code minSdkBelow}. */
public record SeverityRaise(int minSdkBelow, int severity, String message) {
}
