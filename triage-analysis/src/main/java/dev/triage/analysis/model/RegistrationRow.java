package dev.triage.analysis.model;

/**
 * A call that registers an app object with the system so that other apps can reach it (a broadcast receiver
 * registered at run time): the object is at {@code receiver}; the registration is private when the int at
 * {@code flags} has a bit of the {@code receiver-not-exported-flags} table set, or a permission string is passed
 * at {@code permission} (-1 when the call has no such argument).
 */
public record RegistrationRow(String kind, MethodPattern method, int receiver, int flags, int permission,
                           String provenance, String file) {
}
