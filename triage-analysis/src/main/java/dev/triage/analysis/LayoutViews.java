package dev.triage.analysis;

import dev.triage.analysis.model.Models;
import dev.triage.program.android.AndroidApp;
import dev.triage.program.android.ResourceTable;
import dev.triage.program.android.XmlTree;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis of an Android app's layouts: the resource ids of the views they declare with a given kind
 * of input. A {@code password} view is a text field whose {@code android:inputType} is one of the table
 * {@code android-password-input-types} (by name, or as the number binary XML keeps, one of
 * {@code android-password-input-values} in its class and variation bits), or that has {@code android:password="true"}.
 * Its id is what app code passes to {@code findViewById} (the models' {@code view-input} conditions); a text field of
 * any other type is not such a view. A view the app's code makes a password field counts too: a {@code
 * password-input-type} call ({@code setInputType}) with a constant password type on a view found by a constant id
 * (directly, through a local variable, or through a field of the class that some method of it sets so).
 *
 * <p>Computed once per scan, on first use, from layouts and bytecode alone (ASM source frames, not the value
 * analysis: the value analysis asks this class while it runs).
 */
public final class LayoutViews {
    public static final AnalysisId<LayoutViews> ID = AnalysisId.of("layout-views", LayoutViews::new);
    public static final String PASSWORD = "password";
    private static final int MAX_DEPTH = 256; // as deep as XmlTree parses

    private final AnalysisContext context;
    private final Object lock = new Object();
    private volatile Set<Integer> passwordIds;

    private LayoutViews(AnalysisContext context) {
        this.context = context;
    }

    /** Resource ids of the views the app's layouts declare with this kind of input; empty for a JVM program. */
    public Set<Integer> ids(String input) {
        if (!PASSWORD.equals(input)) return Set.of();
        Set<Integer> ids = passwordIds;
        if (ids != null) return ids;
        synchronized (lock) {
            if (passwordIds == null) passwordIds = computePasswordIds();
            return passwordIds;
        }
    }

    private Set<Integer> computePasswordIds() {
        AndroidApp app = context.program().android();
        if (app == null) return Set.of();
        PasswordInputs inputs = PasswordInputs.of(context.models());
        Set<Integer> out = new HashSet<>();
        for (String path : app.resourceFiles()) {
            if (!path.startsWith("res/layout") || !path.endsWith(".xml")) continue;
            AndroidApp.XmlFile f = app.xmlResource(path);
            if (f != null) collect(app.resources(), f.root(), inputs, out, 0);
        }
        new CodeInputTypes(context, inputs).collect(out);
        return Collections.unmodifiableSet(out);
    }

    private static void collect(ResourceTable table, XmlTree.Element e, PasswordInputs inputs, Set<Integer> out, int depth) {
        if (depth > MAX_DEPTH) return;
        if (inputs.declaredBy(e)) {
            int id = resourceId(table, e.android("id"));
            if (id != 0) out.add(id);
        }
        for (XmlTree.Element c : e.children()) collect(table, c, inputs, out, depth + 1);
    }

    /** The id an {@code android:id} names: {@code @id/pin} (or {@code @+id/pin}) through the table, or {@code @0x7f0a0001}. */
    private static int resourceId(ResourceTable table, String ref) {
        if (ref == null || !ref.startsWith("@")) return 0;
        String r = ref.startsWith("@+") ? ref.substring(2) : ref.substring(1);
        if (r.startsWith("0x")) {
            try {
                return (int) Long.parseLong(r.substring(2), 16);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        ResourceTable.Entry entry = table.resolve(ref);
        return entry == null ? 0 : entry.id();
    }

    /** The layout attributes that make a view a password or PIN field (the tables of android-config.yml). */
    public record PasswordInputs(Set<String> typeNames, Set<Integer> typeValues) {
        public static PasswordInputs of(Models m) {
            Set<Integer> values = new HashSet<>();
            for (String v : m.stringSet("android-password-input-values")) values.add(Integer.parseInt(v.strip()));
            return new PasswordInputs(m.stringSet("android-password-input-types"), values);
        }

        /** The element declares a password input: {@code android:password="true"} or a password {@code inputType}. */
        public boolean declaredBy(XmlTree.Element e) {
            if ("true".equals(e.android("password"))) return true;
            String type = e.android("inputType");
            if (type == null) return false;
            for (String t : type.split("\\|")) {
                String x = t.strip();
                if (typeNames.contains(x)) return true;
                try {
                    long v = x.startsWith("0x") ? Long.parseLong(x.substring(2), 16) : Long.parseLong(x);
                    if (typeValues.contains((int) (v & 0xfff))) return true;
                } catch (NumberFormatException ignored) {
                    // a flag name that is no password type
                }
            }
            return false;
        }
    }
}
