package dev.triage.intake;

/** Whether a class or resource belongs to the scanned application itself or to a library it bundles. */
public enum CodeRole {
    /** The artifact's own code: what Triage analyses and reports on. */
    APP,
    /** A bundled or class-path library: used for the hierarchy and models, not reported on. */
    LIBRARY
}
