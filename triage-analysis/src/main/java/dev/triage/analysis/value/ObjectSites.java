package dev.triage.analysis.value;

import java.util.Set;

/**
 * Names of the abstract objects that enter a method rather than being made there, shared by the interpreter (which
 * creates them), the method summaries (which find them at a method's exits) and the object-state checks (which look
 * up what a class records on them).
 */
public final class ObjectSites {
    private ObjectSites() {
    }

    /** Facts the engine keeps about an object that are not the model's: how it entered the method, its class. */
    public static final Set<String> META_FACTS = Set.of("entered", "parameter", "new", "declared");

    /** Site of the object a parameter of a method holds when the method starts. */
    public static String parameterSite(String owner, String name, String desc, int param) {
        return owner + "." + name + desc + "#param" + param;
    }

    /** Site of the receiver of every instance method of a class (one object per class, for its class-wide facts). */
    public static String thisSite(String owner) {
        return "this:" + owner;
    }

    /** Site of the object an instance field holds, for every read of the field. */
    public static String fieldSite(String owner, String name) {
        return "field:" + owner + "." + name;
    }
}
