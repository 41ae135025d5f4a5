package dev.triage.contract;

/** How sure Triage is that one finding is real (per finding; a rule's overall record is its precision). */
public enum Confidence { LOW, MEDIUM, HIGH }
