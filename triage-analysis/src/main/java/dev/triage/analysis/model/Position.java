package dev.triage.analysis.model;

/**
 * Positions in model rows besides declared parameter indexes (0-based): the receiver, the call's result, and every
 * argument. Stack offsets exist only inside the engine.
 */
public final class Position {
    private Position() {
    }

    /** The receiver ({@code this}). */
    public static final int THIS = -1;
    /** The call's return value ({@code return}). */
    public static final int RETURN = -2;
    /** Every argument of a call ({@code argument: any}). */
    public static final int ANY = Integer.MIN_VALUE;
}
