package dev.triage.store;

/** The store could not be opened or refused an operation; the message says why in one line. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
