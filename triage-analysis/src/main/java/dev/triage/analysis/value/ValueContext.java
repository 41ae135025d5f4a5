package dev.triage.analysis.value;

import dev.triage.analysis.model.Models;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;

import java.util.Map;
import java.util.Set;

/** What the value interpreter needs from the analysis around it. */
public interface ValueContext {
    Program program();

    Models models();

    /** Constant(s) a bundled .properties key may hold, with their origin; null if no bundled file defines it. */
    Value property(String key, org.objectweb.asm.Type type);

    /** Value of a static field read (resolved for compile-time constants and finals set in a static initialiser). */
    Value staticField(String owner, String name, String descriptor, int depth);

    /**
     * What is known of an instance field of an app class when read: the labels of every value its
     * class stores in it (e.g. a field holding a java.util.Random). Null when nothing is known.
     */
    Value instanceField(String owner, String name, String descriptor, int depth);

    /** Merged value an app method returns, or null when it cannot be analysed (depth, recursion, budget). */
    Value returnSummary(MethodRef method, int depth);

    /**
     * The object kind values of this type are tracked as wherever they come from (the models' {@code types}: a
     * WebView, an Intent, and their subclasses), or null.
     */
    default String trackedKind(org.objectweb.asm.Type type) {
        return null;
    }

    /**
     * What an app method does to the tracked objects it is given: for the receiver (-1) and each parameter of a
     * tracked type, the object it holds at the method's normal exits (facts recorded there; escaped when handed
     * to code Triage cannot see), merged over the exits. Null when the method cannot be analysed (depth, budget);
     * an index is missing when the object is not in view at some exit.
     */
    default Map<Integer, AbstractObject> parameterEffects(MethodRef method, int depth) {
        return null;
    }

    /** Summaries computed from library code for calls no model describes, or null when not available. */
    default LibraryCodeSummaries libraryCode() {
        return null;
    }

    /**
     * Notes a library call that tainted data reaches at {@code site} (a call instruction), and what described it:
     * {@link #BY_MODEL}, {@link #BY_COMPUTED} or {@link #BY_NOTHING} (model coverage for --stats).
     */
    default void libraryCallReached(String site, String method, int describedBy) {
    }

    int BY_MODEL = 0;
    int BY_COMPUTED = 1;
    int BY_NOTHING = 2;

    /**
     * What an app method's checks prove about its parameters (by declared index) for its callers: the sink kinds
     * each is clean for where the method returns true, and where it returns at all. Null when the method cannot be
     * analysed; parameters it proves nothing about are missing.
     */
    default Map<Integer, ParameterGuard> parameterGuards(MethodRef method, int depth) {
        return null;
    }

    /** Whether sources of this kind (remote, environment, file...) are switched on. */
    /**
     * Taint the framework hands an app method's parameter from the app's own code: an intent another of its
     * components sent, the result an activity it started returned, the instance state it saved (see IntentLinks).
     */
    default Set<String> deliveredLabels(String owner, org.objectweb.asm.tree.MethodNode method, int param, int depth) {
        return Set.of();
    }

    /** Whether a parameter is a bundle the app fills for the framework to give back (tracked as an object). */
    default boolean savedStateParameter(String owner, org.objectweb.asm.tree.MethodNode method, int param) {
        return false;
    }

    /** Taint of the intent a call such as {@code getIntent()} returns, sent by the app's own code. */
    default Set<String> deliveredCallLabels(org.objectweb.asm.tree.MethodInsnNode call, int depth) {
        return Set.of();
    }

    /** Key labels of a stream a call opens on one of the app's private stores (a file by its name: StoredValues). */
    default Set<String> storeKeyLabels(org.objectweb.asm.tree.MethodInsnNode call, java.util.List<? extends Value> args) {
        return Set.of();
    }

    /** Taint a read from the app's private stores returns: what its code wrote under the same key (StoredValues). */
    default Set<String> storedLabels(org.objectweb.asm.tree.MethodInsnNode call, java.util.List<? extends Value> args, int depth) {
        return Set.of();
    }

    /**
     * Resource ids of the views the app's layouts declare with this kind of input ({@code password}), for the models'
     * {@code view-input} conditions; empty when there are none or the program is no Android app.
     */
    default Set<Integer> viewIds(String input) {
        return Set.of();
    }

    boolean sourceEnabled(String kind);

    /** Whether a source kind is sensitive data (location, identifiers, health...) rather than untrusted input. */
    default boolean sensitiveSource(String kind) {
        return false;
    }

    /** Records where a taint source id stands, for paths. */
    void registerSource(String id, Origin where);

    /** Throws {@link DeadlineExceeded} when the time budget is spent. */
    void checkDeadline();

    /** Thrown when a budget is exhausted; the caller records what was not finished. */
    final class DeadlineExceeded extends RuntimeException {
        public DeadlineExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
