package dev.triage.contract;

/** One step of a finding's path from source to sink. */
public record PathStep(Location location, String description) {
}
