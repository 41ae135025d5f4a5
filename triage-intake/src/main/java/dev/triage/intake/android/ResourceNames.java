package dev.triage.intake.android;

import java.util.HashMap;
import java.util.Map;

/** Resource ids of one app to their {@code type/name}, from its resource table. */
public final class ResourceNames {
    /** No app resources known. */
    public static final ResourceNames NONE = new ResourceNames(Map.of(), null);

    private final Map<Integer, String> names;
    private final String packageName;

    ResourceNames(Map<Integer, String> names, String packageName) {
        this.names = names;
        this.packageName = packageName;
    }

    static ResourceNames of(Iterable<ResourceTableEntry> entries, String packageName) {
        Map<Integer, String> m = new HashMap<>();
        for (ResourceTableEntry e : entries) {
            m.putIfAbsent(e.id(), e.type() + "/" + e.name());
        }
        return new ResourceNames(m, packageName);
    }

    /** {@code type/name} of an app resource id, or null. */
    public String name(int id) {
        return names.get(id);
    }

    /** The package named by the resource table, or null. */
    public String packageName() {
        return packageName;
    }

    /**
     * A reference as text: {@code @type/name} (app), {@code @android:type/name} (framework), or
     * {@code @0x7f0a0001} when unknown; {@code prefix} is {@code @} for references, {@code ?} for attributes.
     */
    public String reference(char prefix, int id) {
        if (id == 0) {
            return "@null";
        }
        String app = names.get(id);
        if (app != null) {
            return prefix + app;
        }
        String fw = FrameworkResources.name(id);
        if (fw != null) {
            return prefix + "android:" + fw;
        }
        return prefix + String.format("0x%08x", id);
    }
}
