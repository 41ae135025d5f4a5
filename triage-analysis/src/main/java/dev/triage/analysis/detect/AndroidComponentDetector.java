package dev.triage.analysis.detect;

import dev.triage.contract.Severity;
import dev.triage.contract.Confidence;
import dev.triage.analysis.Detector;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.program.android.AndroidApp;
import dev.triage.program.android.XmlTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Components and permissions of an Android manifest: android/exported-component, android/weak-permission,
 * android/provider-permissions and android/task-hijacking.
 *
 * <p>A permission keeps other apps out when it is declared by this app at signature level (or above), or is declared
 * elsewhere (by the platform or another app, whose level cannot be seen: given the benefit of the doubt), except the
 * platform permissions any app obtains ({@code android-open-platform-permissions}).
 */
public final class AndroidComponentDetector implements Detector {
    static final String EXPORTED = "android/exported-component";
    static final String WEAK_PERMISSION = "android/weak-permission";
    static final String PROVIDER = "android/provider-permissions";
    static final String TASK = "android/task-hijacking";

    @Override
    public Set<String> rules() {
        return Set.of(EXPORTED, WEAK_PERMISSION, PROVIDER, TASK);
    }

    @Override
    public void visitResources(ResourceScan scan) {
        AndroidApp app = AndroidFindings.app(scan);
        if (app == null) return;
        Models m = scan.context().models();
        Set<String> open = Tables.set(m, "android-open-platform-permissions");
        exported(scan, app, open, m);
        weakPermissions(scan, app);
        providers(scan, app, open, m);
        taskHijacking(scan, app, m);
    }

    /** The permission keeps other apps out. */
    static boolean guards(AndroidApp app, String permission, Set<String> open) {
        return permission != null && !open.contains(permission) && app.protects(permission);
    }

    // ---------------------------------------------------------------- exported components

    private static void exported(ResourceScan scan, AndroidApp app, Set<String> open, Models m) {
        for (AndroidApp.Component c : app.components()) {
            if (!c.enabled() || !c.exported()) continue;
            boolean activity = c.kind() == AndroidApp.Kind.ACTIVITY || c.kind() == AndroidApp.Kind.ACTIVITY_ALIAS;
            if (activity && c.isLauncher()) continue;
            Severity severity = null;
            String guard;
            if (c.kind() == AndroidApp.Kind.PROVIDER) {
                String read = c.readPermission() != null ? c.readPermission() : c.permission();
                String write = c.writePermission() != null ? c.writePermission() : c.permission();
                // one side guarded: android/provider-permissions judges the other
                if (guards(app, read, open) || guards(app, write, open)) continue;
                severity = Severity.HIGH;
                guard = weakGuard(app, read == null ? write : read);
            } else {
                if (guards(app, c.permission(), open)) continue;
                guard = weakGuard(app, c.permission());
            }
            String how;
            if (c.exportedExplicitly()) {
                how = "is exported (android:exported=\"true\")";
            } else if (!c.intentFilters().isEmpty()) {
                how = "is exported implicitly by its intent filter (no android:exported, targetSdkVersion "
                        + app.targetSdk() + ")";
            } else {
                how = "is exported by default (a provider of an app targeting API level 16 or lower)";
            }
            boolean links = c.intentFilters().stream().anyMatch(AndroidApp.IntentFilter::browsable);
            String reach = switch (c.kind()) {
                case ACTIVITY, ACTIVITY_ALIAS -> "any app on the device can start it with a crafted intent"
                        + (links ? ", and web pages can open it through links" : "");
                case SERVICE -> "any app on the device can start it or bind to it";
                case RECEIVER -> "any app on the device can send it broadcasts";
                case PROVIDER -> "any app on the device can query and change its data";
            };
            String message = kindName(c.kind()) + " " + AndroidFindings.name(c.className()) + " " + how + " and " + guard + ": " + reach;
            String key = "component|" + c.className();
            scan.reporter().report(severity == null
                    ? AndroidFindings.at(app, EXPORTED, AndroidApp.MANIFEST, c.line(), message, Confidence.HIGH, key)
                    : AndroidFindings.at(app, EXPORTED, AndroidApp.MANIFEST, c.line(), message, Confidence.HIGH, key, severity));
        }
    }

    /** Why a permission does not guard: none, or one any app can obtain. */
    private static String weakGuard(AndroidApp app, String permission) {
        if (permission == null) return "no permission guards it";
        AndroidApp.Permission p = app.permission(permission);
        if (p != null) return "only " + permission + ", a permission of protection level " + p.baseLevel() + ", guards it";
        return "only " + AndroidFindings.name(permission) + ", a platform permission any app can obtain, guards it";
    }

    static String kindName(AndroidApp.Kind k) {
        return switch (k) {
            case ACTIVITY -> "Activity";
            case ACTIVITY_ALIAS -> "Activity alias";
            case SERVICE -> "Service";
            case RECEIVER -> "Broadcast receiver";
            case PROVIDER -> "Content provider";
        };
    }

    // ---------------------------------------------------------------- declared permissions

    private static void weakPermissions(ResourceScan scan, AndroidApp app) {
        Map<String, List<String>> guarded = new LinkedHashMap<>();
        for (AndroidApp.Component c : app.components()) {
            List<String> perms = new ArrayList<>(java.util.Arrays.asList(c.permission(), c.readPermission(), c.writePermission()));
            if (c.kind() == AndroidApp.Kind.PROVIDER) {
                for (XmlTree.Element pp : c.element().children("path-permission")) {
                    perms.add(pp.android("permission"));
                    perms.add(pp.android("readPermission"));
                    perms.add(pp.android("writePermission"));
                }
            }
            for (String p : perms) {
                if (p == null || p.isBlank()) continue;
                List<String> l = guarded.computeIfAbsent(p.strip(), k -> new ArrayList<>());
                if (!l.contains(c.className())) l.add(c.className());
            }
        }
        for (AndroidApp.Permission p : app.permissions()) {
            String level = p.baseLevel();
            if (!level.equals("normal") && !level.equals("dangerous")) continue;
            String written = p.element().android("protectionLevel") == null ? " (the default, as none is written)" : "";
            String who = level.equals("normal") ? "any app can request it and is granted it at install"
                    : "any app can request it and the user grants it with one tap";
            List<String> comps = guarded.getOrDefault(p.name(), List.of());
            String guards = comps.isEmpty() ? "it guards no component of this manifest"
                    : "it is all that guards " + AndroidFindings.name(AndroidFindings.list(comps, 5));
            scan.reporter().report(AndroidFindings.at(app, WEAK_PERMISSION, AndroidApp.MANIFEST, p.element().line(),
                    "Permission " + AndroidFindings.name(p.name()) + " is declared with protection level " + level + written + ": " + who
                            + "; " + guards, Confidence.HIGH, "permission|" + p.name()));
        }
    }

    // ---------------------------------------------------------------- content providers

    private static void providers(ResourceScan scan, AndroidApp app, Set<String> open, Models m) {
        Set<String> pathsMeta = Tables.set(m, "android-file-provider-paths-meta");
        Set<String> broad = Tables.set(m, "android-file-provider-broad-paths");
        for (AndroidApp.Component c : app.components()) {
            if (c.kind() != AndroidApp.Kind.PROVIDER || !c.enabled()) continue;
            XmlTree.Element el = c.element();
            if (c.exported()) {
                String read = c.readPermission() != null ? c.readPermission() : c.permission();
                String write = c.writePermission() != null ? c.writePermission() : c.permission();
                boolean rg = guards(app, read, open);
                boolean wg = guards(app, write, open);
                if (rg && !wg) {
                    report(scan, app, c.line(), "Content provider " + AndroidFindings.name(c.className()) + " guards reads with " + AndroidFindings.name(read)
                            + " but " + openSide(app, write, "writes") + ": any app on the device can insert, update and"
                            + " delete its data", "provider|" + c.className() + "|write");
                } else if (wg && !rg) {
                    report(scan, app, c.line(), "Content provider " + AndroidFindings.name(c.className()) + " guards writes with " + AndroidFindings.name(write)
                            + " but " + openSide(app, read, "reads") + ": any app on the device can query its data",
                            "provider|" + c.className() + "|read");
                }
                for (XmlTree.Element pp : el.children("path-permission")) {
                    String any = blankToNull(pp.android("permission"));
                    String pr = blankToNull(pp.android("readPermission"));
                    String pw = blankToNull(pp.android("writePermission"));
                    if (any != null) continue;
                    String path = pathOf(pp);
                    if (pr != null && pw == null && !wg) {
                        report(scan, app, pp.line(), "A path-permission of content provider " + AndroidFindings.name(c.className())
                                + " guards reads of " + path + " with " + AndroidFindings.name(pr) + " but nothing guards writes to it:"
                                + " any app on the device can change that data", "path-permission|" + c.className() + "|" + path);
                    } else if (pw != null && pr == null && !rg) {
                        report(scan, app, pp.line(), "A path-permission of content provider " + AndroidFindings.name(c.className())
                                + " guards writes to " + path + " with " + AndroidFindings.name(pw) + " but nothing guards reads of it:"
                                + " any app on the device can query that data", "path-permission|" + c.className() + "|" + path);
                    }
                }
            }
            if (!Boolean.TRUE.equals(app.flag(el.android("grantUriPermissions")))) continue;
            if (!el.children("grant-uri-permission").isEmpty()) continue;
            XmlTree.Element paths = null;
            for (XmlTree.Element md : el.children("meta-data")) {
                if (pathsMeta.contains(md.android("name"))) paths = md;
            }
            if (paths == null) {
                report(scan, app, c.line(), "Content provider " + AndroidFindings.name(c.className()) + " sets grantUriPermissions=\"true\""
                        + " without <grant-uri-permission> elements: any of its URIs can be granted to other apps, by an"
                        + " intent the app can be tricked into forwarding", "provider-grant|" + c.className());
                continue;
            }
            // a FileProvider: its paths file is what grants can reach
            AndroidApp.XmlFile f = app.xmlResource(paths.android("resource"));
            if (f == null) continue;
            for (XmlTree.Element p : f.root().children()) {
                if (!broad.contains(p.name())) continue;
                scan.reporter().report(AndroidFindings.at(app, PROVIDER, f.path(), p.line(), "FileProvider "
                        + AndroidFindings.name(c.className()) + " shares <" + p.name() + "> in " + f.path() + ": a URI grant can hand any file"
                        + " the app can read, its private databases included, to another app", Confidence.HIGH,
                        "file-provider|" + c.className() + "|" + p.name()));
                break;
            }
        }
    }

    /** "not writes", or "writes only with X, a permission of protection level normal". */
    private static String openSide(AndroidApp app, String permission, String side) {
        if (permission == null) return "not " + side;
        AndroidApp.Permission p = app.permission(permission);
        return side + " only with " + AndroidFindings.name(permission) + (p != null ? ", a permission of protection level " + p.baseLevel()
                : ", a platform permission any app can obtain");
    }

    private static String pathOf(XmlTree.Element pp) {
        for (String a : new String[]{"path", "pathPrefix", "pathPattern", "pathAdvancedPattern", "pathSuffix"}) {
            String v = pp.android(a);
            if (v != null) return AndroidFindings.shown(v);
        }
        return "every path";
    }

    private static void report(ResourceScan scan, AndroidApp app, int line, String message, String key) {
        scan.reporter().report(AndroidFindings.at(app, PROVIDER, AndroidApp.MANIFEST, line, message, Confidence.HIGH, key));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- task hijacking

    private static void taskHijacking(ResourceScan scan, AndroidApp app, Models m) {
        int fixed = AndroidFindings.number(m, "android-task-hijacking-fixed-sdk");
        if (app.minSdk() >= fixed || app.application() == null) return;
        Set<String> modes = Tables.set(m, "android-task-launch-modes");
        String pkg = app.packageName();
        String appAffinity = app.resources().value(app.application().android("taskAffinity"));
        String before = "the app installs on Android versions before 10 (minSdkVersion " + app.minSdk() + ")";
        if (appAffinity != null && !appAffinity.isEmpty() && !appAffinity.equals(pkg)) {
            scan.reporter().report(AndroidFindings.at(app, TASK, AndroidApp.MANIFEST, app.application().line(),
                    "The application sets a custom taskAffinity \"" + AndroidFindings.shown(appAffinity) + "\" for all its "
                            + "activities and " + before + ": a malicious app can place a look-alike activity in that task",
                    Confidence.HIGH, "application|taskAffinity"));
        }
        for (AndroidApp.Component c : app.components()) {
            if (c.kind() != AndroidApp.Kind.ACTIVITY || !c.enabled()) continue;
            XmlTree.Element el = c.element();
            String own = app.resources().value(el.android("taskAffinity"));
            String effective = own != null ? own : appAffinity;
            if (effective != null && effective.isEmpty()) continue; // no affinity: nothing to join
            String mode = launchMode(app.resources().value(el.android("launchMode")));
            String why;
            if (mode != null && modes.contains(mode)) {
                why = "uses launchMode " + mode;
            } else if (own != null && !own.equals(pkg)) {
                why = "sets a custom taskAffinity \"" + AndroidFindings.shown(own) + "\"";
            } else {
                continue;
            }
            scan.reporter().report(AndroidFindings.at(app, TASK, AndroidApp.MANIFEST, c.line(), "Activity "
                    + AndroidFindings.name(c.className()) + " " + why + " and " + before + ", without taskAffinity=\"\": a malicious app can"
                    + " slip a look-alike activity into its task (StrandHogg)", Confidence.HIGH, "activity|" + c.className()));
        }
    }

    /** A launchMode value as its name (the binary manifest may keep the number). */
    static String launchMode(String v) {
        if (v == null) return null;
        return switch (v.strip()) {
            case "0" -> "standard";
            case "1" -> "singleTop";
            case "2" -> "singleTask";
            case "3" -> "singleInstance";
            case "4" -> "singleInstancePerTask";
            default -> v.strip();
        };
    }
}
