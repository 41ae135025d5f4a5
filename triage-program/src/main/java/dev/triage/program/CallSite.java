package dev.triage.program;

/**
 * A call in app code, read once when the program model is built: an invoke instruction ({@code opcode} is its
 * opcode) or a method handle among an invokedynamic's bootstrap arguments ({@code opcode} is {@link #HANDLE}).
 *
 * @param caller the app method holding the call
 */
public record CallSite(MethodRef caller, int opcode, String owner, String name, String descriptor) {
    /** The opcode of a method handle argument of an invokedynamic (a lambda's or method reference's target). */
    public static final int HANDLE = -1;
}
