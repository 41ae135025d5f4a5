package dev.triage.components;

/** The advisory database could not be read, imported or updated; the message says why in one line. */
public final class DbException extends Exception {
    public DbException(String message) {
        super(message);
    }

    public DbException(String message, Throwable cause) {
        super(message, cause);
    }
}
