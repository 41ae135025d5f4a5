package dev.triage.analysis.model;

import dev.triage.contract.Severity;

/** A check's severity and message when the Android app's minSdk is below {@code minSdkBelow}. */
public record SeverityRaise(int minSdkBelow, Severity severity, String message) {
}
