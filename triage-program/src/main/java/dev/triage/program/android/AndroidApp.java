package dev.triage.program.android;

import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the program model knows of an Android app from its manifest and resources (as intake decoded them to text):
 * package, SDK levels, the application element, components with their effective export state and permissions,
 * declared and used permissions, the resource table, XML resources such as the network security configuration, and
 * click handlers named in layouts. Every element keeps its line in the manifest, where findings about it point.
 *
 * <p>Built from the first app-role {@code AndroidManifest.xml} resource; one Android app per scan.
 */
public final class AndroidApp {
    public static final String MANIFEST = "AndroidManifest.xml";

    /** The kinds of manifest component. */
    public enum Kind {
        ACTIVITY("activity"), ACTIVITY_ALIAS("activity-alias"), SERVICE("service"), RECEIVER("receiver"), PROVIDER("provider");

        public final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    /**
     * A component.
     *
     * @param className           dotted class name (for an alias: the alias's own name)
     * @param implementation      internal name of the class that runs (for an alias: its target activity)
     * @param exported            effective export state: explicit, else implied by an intent filter (and, for a
     *                            provider, by targetSdk 16 or lower)
     * @param exportedExplicitly  {@code android:exported} is written (and resolves to a boolean)
     * @param permission          the permission guarding it: its own {@code android:permission}, else the
     *                            application's; null when none
     */
    public record Component(Kind kind, String className, String implementation, XmlTree.Element element, boolean exported,
                            boolean exportedExplicitly, boolean enabled, String permission, String readPermission,
                            String writePermission, List<IntentFilter> intentFilters) {
        public int line() {
            return element.line();
        }

        /** Exported only because of an intent filter (or an old provider default), without {@code android:exported}. */
        public boolean implicitlyExported() {
            return exported && !exportedExplicitly;
        }

        /** A launcher activity: MAIN action with the LAUNCHER (or LEANBACK_LAUNCHER) category; it must be exported. */
        public boolean isLauncher() {
            for (IntentFilter f : intentFilters) {
                if (f.actions().contains("android.intent.action.MAIN") && (f.categories().contains("android.intent.category.LAUNCHER")
                        || f.categories().contains("android.intent.category.LEANBACK_LAUNCHER"))) return true;
            }
            return false;
        }
    }

    /** An intent filter with its actions, categories and data elements. */
    public record IntentFilter(XmlTree.Element element, List<String> actions, List<String> categories,
                               List<XmlTree.Element> data) {
        /** Opened by links from a browser: a VIEW action with the BROWSABLE category. */
        public boolean browsable() {
            return actions.contains("android.intent.action.VIEW") && categories.contains("android.intent.category.BROWSABLE");
        }
    }

    /** A {@code <permission>} the app declares. {@code protectionLevel} as written ("normal" when absent). */
    public record Permission(String name, String protectionLevel, XmlTree.Element element) {
        /** The base level: normal, dangerous, signature, signatureOrSystem, internal (flags dropped). */
        public String baseLevel() {
            return AndroidApp.baseLevel(protectionLevel);
        }
    }

    /** An XML resource file of the app, parsed. */
    public record XmlFile(String path, XmlTree.Element root) {
    }

    /** A layout attribute naming a click handler method ({@code android:onClick="save"}). */
    public record ClickHandler(String method, String layout, int line) {
    }

    private final String packageName;
    private final int minSdk;
    private final int targetSdk;
    private final XmlTree.Element manifest;
    private final XmlTree.Element application;
    private final List<Component> components;
    private final List<Permission> permissions;
    private final List<String> usesPermissions;
    private final ResourceTable resources;
    private final Map<String, ResourceEntry> resourceFiles;
    private final List<String> problems;
    private final String manifestOrigin;
    private final String tableOrigin;
    private final Map<String, XmlFile> parsedFiles = new LinkedHashMap<>();

    private AndroidApp(String packageName, int minSdk, int targetSdk, XmlTree.Element manifest, XmlTree.Element application,
                       List<Component> components, List<Permission> permissions, List<String> usesPermissions,
                       ResourceTable resources, Map<String, ResourceEntry> resourceFiles, List<String> problems,
                       String manifestOrigin, String tableOrigin) {
        this.packageName = packageName;
        this.minSdk = minSdk;
        this.targetSdk = targetSdk;
        this.manifest = manifest;
        this.application = application;
        this.components = List.copyOf(components);
        this.permissions = List.copyOf(permissions);
        this.usesPermissions = List.copyOf(usesPermissions);
        this.resources = resources;
        this.resourceFiles = resourceFiles;
        this.problems = problems;
        this.manifestOrigin = manifestOrigin;
        this.tableOrigin = tableOrigin;
    }

    /**
     * The Android app described by these resources, or null when there is no app manifest among them. A manifest
     * that cannot be parsed gives an app without components and a problem line.
     */
    public static AndroidApp from(List<ResourceEntry> resources) {
        ResourceEntry manifestEntry = null;
        ResourceEntry tableEntry = null;
        Map<String, ResourceEntry> files = new TreeMap<>();
        for (ResourceEntry r : resources) {
            if (r.role() != CodeRole.APP) continue;
            if (r.name().equals(MANIFEST) && manifestEntry == null) manifestEntry = r;
            else if (r.name().equals(ResourceTable.RESOURCE_NAME) && tableEntry == null) tableEntry = r;
            else if (r.name().startsWith("res/")) files.putIfAbsent(r.name(), r);
        }
        if (manifestEntry == null) return null;
        List<String> problems = new ArrayList<>();
        ResourceTable table = ResourceTable.EMPTY;
        if (tableEntry != null) {
            try {
                table = ResourceTable.parse(text(tableEntry));
            } catch (XmlTree.XmlException e) {
                problems.add(ResourceTable.RESOURCE_NAME + ": " + e.getMessage());
            }
        }
        XmlTree.Element root;
        try {
            root = XmlTree.parse(text(manifestEntry));
        } catch (XmlTree.XmlException e) {
            problems.add(MANIFEST + ": " + e.getMessage());
            return new AndroidApp(null, 1, 1, null, null, List.of(), List.of(), List.of(), table, files, problems,
                    manifestEntry.origin(), tableEntry == null ? null : tableEntry.origin());
        }
        String pkg = blankToNull(root.attr("package"));
        int minSdk = 1;
        Integer target = null;
        XmlTree.Element usesSdk = root.child("uses-sdk");
        if (usesSdk != null) {
            minSdk = sdk(table.value(usesSdk.android("minSdkVersion")), 1);
            String t = table.value(usesSdk.android("targetSdkVersion"));
            if (t != null) target = sdk(t, minSdk);
        }
        int targetSdk = target != null ? target : minSdk;
        List<Permission> perms = new ArrayList<>();
        for (XmlTree.Element p : root.children("permission")) {
            String name = p.android("name");
            if (name == null) continue;
            String level = table.value(p.android("protectionLevel"));
            perms.add(new Permission(name, level == null ? "normal" : level, p));
        }
        List<String> uses = new ArrayList<>();
        for (String tag : List.of("uses-permission", "uses-permission-sdk-23")) {
            for (XmlTree.Element u : root.children(tag)) if (u.android("name") != null) uses.add(u.android("name"));
        }
        XmlTree.Element app = root.child("application");
        List<Component> comps = new ArrayList<>();
        if (app != null) {
            String appPermission = blankToNull(app.android("permission"));
            for (XmlTree.Element c : app.children()) {
                Kind kind = kindOf(c.name());
                if (kind == null) continue;
                String cls = className(pkg, kind == Kind.ACTIVITY_ALIAS ? c.android("targetActivity") : c.android("name"));
                String own = className(pkg, c.android("name"));
                if (own == null) continue;
                List<IntentFilter> filters = new ArrayList<>();
                for (XmlTree.Element f : c.children("intent-filter")) {
                    List<String> actions = new ArrayList<>();
                    List<String> categories = new ArrayList<>();
                    for (XmlTree.Element a : f.children("action")) if (a.android("name") != null) actions.add(a.android("name"));
                    for (XmlTree.Element a : f.children("category")) if (a.android("name") != null) categories.add(a.android("name"));
                    filters.add(new IntentFilter(f, List.copyOf(actions), List.copyOf(categories), f.children("data")));
                }
                Boolean explicit = bool(table.value(c.android("exported")));
                boolean exported = explicit != null ? explicit
                        : !filters.isEmpty() || (kind == Kind.PROVIDER && targetSdk <= 16);
                boolean enabled = !Boolean.FALSE.equals(bool(table.value(c.android("enabled"))))
                        && !Boolean.FALSE.equals(bool(table.value(app.android("enabled"))));
                String perm = blankToNull(c.android("permission"));
                if (perm == null) perm = appPermission;
                String read = kind == Kind.PROVIDER ? blankToNull(c.android("readPermission")) : null;
                String write = kind == Kind.PROVIDER ? blankToNull(c.android("writePermission")) : null;
                String impl = cls == null ? null : cls.replace('.', '/');
                comps.add(new Component(kind, own, impl, c, exported, explicit != null, enabled, perm, read, write,
                        List.copyOf(filters)));
            }
        }
        return new AndroidApp(pkg, minSdk, targetSdk, root, app, comps, perms, uses, table, files, problems,
                manifestEntry.origin(), tableEntry == null ? null : tableEntry.origin());
    }

    private static Kind kindOf(String tag) {
        for (Kind k : Kind.values()) if (k.tag.equals(tag)) return k;
        return null;
    }

    /** A manifest class name resolved against the package ({@code .Main} → {@code com.acme.Main}). */
    public static String className(String pkg, String name) {
        if (name == null || name.isBlank()) return null;
        String n = name.trim();
        if (n.startsWith(".")) return pkg == null ? n.substring(1) : pkg + n;
        if (n.indexOf('.') < 0) return pkg == null ? n : pkg + "." + n;
        return n;
    }

    private static int sdk(String v, int fallback) {
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback; // a preview codename: treat as the fallback level
        }
    }

    /** "true"/"false" (also as the 0xffffffff / 0x0 an undecoded boolean may be written as), or null. */
    static Boolean bool(String v) {
        if (v == null) return null;
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("0xffffffff") || t.equals("-1")) return true;
        if (t.equals("false") || t.equals("0x0") || t.equals("0")) return false;
        return null;
    }

    /** The base protection level of a {@code protectionLevel} value (names joined by '|', or a number). */
    static String baseLevel(String level) {
        if (level == null || level.isBlank()) return "normal";
        String t = level.trim();
        Integer n = null;
        try {
            n = t.startsWith("0x") ? Integer.parseUnsignedInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException ignored) {
            // a name
        }
        if (n != null) {
            return switch (n & 0xf) {
                case 1 -> "dangerous";
                case 2 -> "signature";
                case 3 -> "signatureOrSystem";
                case 4 -> "internal";
                default -> "normal";
            };
        }
        for (String part : t.split("\\|")) {
            String p = part.trim();
            if (List.of("normal", "dangerous", "signature", "signatureOrSystem", "internal").contains(p)) return p;
        }
        return "normal";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String text(ResourceEntry r) {
        return new String(r.bytes(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- queries

    /** The manifest package, or null. */
    public String packageName() {
        return packageName;
    }

    /** {@code minSdkVersion}, 1 when not written. */
    public int minSdk() {
        return minSdk;
    }

    /** {@code targetSdkVersion}, {@link #minSdk()} when not written (Android's own default). */
    public int targetSdk() {
        return targetSdk;
    }

    /** The manifest's root element, or null when it could not be parsed. */
    public XmlTree.Element manifest() {
        return manifest;
    }

    /** The {@code <application>} element, or null. */
    public XmlTree.Element application() {
        return application;
    }

    /**
     * The manifest is an Android library's ({@code .aar}): the app that includes the library decides the defaults
     * (backup, cleartext traffic, trusted CAs, SDK levels), so checks of defaults do not apply to it.
     */
    public boolean library() {
        return manifestOrigin != null && manifestOrigin.toLowerCase(Locale.ROOT).contains(".aar!/");
    }

    /**
     * Where a file of the app came from ({@code app.apk!/res/xml/nsc.xml}): the manifest, the decoded resource table
     * ({@value ResourceTable#RESOURCE_NAME}) or a resource file; the name itself when unknown.
     */
    public String origin(String name) {
        if (name.equals(MANIFEST) && manifestOrigin != null) return manifestOrigin;
        if (name.equals(ResourceTable.RESOURCE_NAME) && tableOrigin != null) return tableOrigin;
        ResourceEntry r = resourceFiles.get(name);
        return r != null ? r.origin() : name;
    }

    /**
     * An attribute value read as a boolean, with a resource reference ({@code @bool/x}) resolved: true, false, or null
     * when absent or not a boolean.
     */
    public Boolean flag(String attributeValue) {
        return bool(resources.value(attributeValue));
    }

    /** An attribute of {@code <application>} with resource references resolved, or null. */
    public String applicationAttribute(String androidName) {
        return application == null ? null : resources.value(application.android(androidName));
    }

    /** A boolean attribute of {@code <application>}: true, false, or null when absent or not a boolean. */
    public Boolean applicationFlag(String androidName) {
        return bool(applicationAttribute(androidName));
    }

    public List<Component> components() {
        return components;
    }

    /** Components whose class (for an alias, its target) has this internal name. */
    public List<Component> componentsOf(String internalName) {
        List<Component> out = new ArrayList<>();
        for (Component c : components) if (internalName.equals(c.implementation())) out.add(c);
        return out;
    }

    public List<Permission> permissions() {
        return permissions;
    }

    public List<String> usesPermissions() {
        return usesPermissions;
    }

    public ResourceTable resources() {
        return resources;
    }

    /** Problems met reading the manifest and resources, one line each. */
    public List<String> problems() {
        synchronized (parsedFiles) {
            return List.copyOf(problems);
        }
    }

    /** The declared permission of this name, or null. */
    public Permission permission(String name) {
        for (Permission p : permissions) if (p.name().equals(name)) return p;
        return null;
    }

    /**
     * Whether a permission keeps other apps out: one this app declares at signature level or above; a platform
     * permission ({@code android.*}, granted by the system to itself or privileged apps when a component guards with
     * it); or one declared by another app, whose level cannot be seen here (given the benefit of the doubt).
     */
    public boolean protects(String permissionName) {
        if (permissionName == null) return false;
        Permission p = permission(permissionName);
        if (p == null) return true;
        String level = p.baseLevel();
        return !level.equals("normal") && !level.equals("dangerous");
    }

    /**
     * Reachable by any other app on the device: enabled, exported, and not guarded by a protecting permission (a
     * provider is open when either its read or its write side is).
     */
    public boolean exposed(Component c) {
        if (!c.enabled() || !c.exported()) return false;
        if (c.kind() != Kind.PROVIDER) return !protects(c.permission());
        String read = c.readPermission() != null ? c.readPermission() : c.permission();
        String write = c.writePermission() != null ? c.writePermission() : c.permission();
        return !protects(read) || !protects(write);
    }

    /**
     * An XML resource named by a reference ({@code @xml/network_security_config}) or by its path, parsed; null when
     * absent or unreadable (the reason is kept in {@link #problems()}).
     */
    public XmlFile xmlResource(String referenceOrPath) {
        if (referenceOrPath == null) return null;
        String path = referenceOrPath;
        if (referenceOrPath.startsWith("@")) {
            ResourceTable.Entry e = resources.resolve(referenceOrPath);
            if (e != null && e.file() != null) {
                path = e.file();
            } else {
                // no table (or no row): the conventional place of the default configuration's file
                String ref = referenceOrPath.substring(1);
                int slash = ref.indexOf('/');
                if (slash < 0) return null;
                path = "res/" + ref.substring(0, slash) + "/" + ref.substring(slash + 1) + ".xml";
            }
        }
        synchronized (parsedFiles) {
            if (parsedFiles.containsKey(path)) return parsedFiles.get(path);
            ResourceEntry r = resourceFiles.get(path);
            XmlFile f = null;
            if (r != null) {
                try {
                    f = new XmlFile(path, XmlTree.parse(text(r)));
                } catch (XmlTree.XmlException ex) {
                    problems.add(path + ": " + ex.getMessage());
                }
            }
            parsedFiles.put(path, f);
            return f;
        }
    }

    /** The network security configuration the application names, or null. */
    public XmlFile networkSecurityConfig() {
        String ref = application == null ? null : application.android("networkSecurityConfig");
        return ref == null ? null : xmlResource(ref);
    }

    /** Paths of the app's resource files ({@code res/layout/main.xml}, {@code res/raw/x.json}...), sorted. */
    public List<String> resourceFiles() {
        return List.copyOf(resourceFiles.keySet());
    }

    /** {@code android:onClick} handlers named in the app's layouts, in file order. */
    public List<ClickHandler> clickHandlers() {
        List<ClickHandler> out = new ArrayList<>();
        for (String path : resourceFiles.keySet()) {
            if (!path.startsWith("res/layout") || !path.endsWith(".xml")) continue;
            XmlFile f = xmlResource(path);
            if (f == null) continue;
            collectHandlers(f.root(), path, out, 0);
        }
        return Collections.unmodifiableList(out);
    }

    private static void collectHandlers(XmlTree.Element e, String path, List<ClickHandler> out, int depth) {
        if (depth > XmlTree.MAX_DEPTH) return;
        String h = e.android("onClick");
        if (h != null && !h.isBlank() && !h.startsWith("@")) out.add(new ClickHandler(h.trim(), path, e.line()));
        for (XmlTree.Element c : e.children()) collectHandlers(c, path, out, depth + 1);
    }
}
