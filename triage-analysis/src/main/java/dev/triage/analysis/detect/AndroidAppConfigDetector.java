package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.analysis.Detector;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.program.android.AndroidApp;
import dev.triage.program.android.XmlTree;

import java.util.Set;

/**
 * The application element and SDK levels of an Android manifest: android/debuggable, android/allow-backup (backup
 * allowed, explicitly or by default, without backup rules for every Android version the app installs on) and
 * android/outdated-min-sdk (minSdkVersion below {@code android-min-supported-sdk}).
 *
 * <p>A library's manifest ({@code .aar}) is judged on what it writes only: defaults are the including app's.
 */
public final class AndroidAppConfigDetector implements Detector {
    static final String DEBUGGABLE = "android/debuggable";
    static final String ALLOW_BACKUP = "android/allow-backup";
    static final String MIN_SDK = "android/outdated-min-sdk";

    @Override
    public Set<String> rules() {
        return Set.of(DEBUGGABLE, ALLOW_BACKUP, MIN_SDK);
    }

    @Override
    public void visitResources(ResourceScan scan) {
        AndroidApp app = AndroidFindings.app(scan);
        if (app == null) return;
        Models m = scan.context().models();
        XmlTree.Element application = app.application();
        if (application != null) {
            if (Boolean.TRUE.equals(app.applicationFlag("debuggable"))) {
                String raw = application.android("debuggable");
                String via = raw != null && raw.startsWith("@") ? " (through " + AndroidFindings.shown(raw) + ")" : "";
                scan.reporter().report(AndroidFindings.at(app, DEBUGGABLE, AndroidApp.MANIFEST, application.line(),
                        "The application sets android:debuggable=\"true\"" + via + ": anyone with the device can attach"
                                + " a debugger and run code with the app's data", Confidence.HIGH, "application|debuggable"));
            }
            backup(scan, app, application, m);
        }
        minSdk(scan, app, m);
    }

    private static void backup(ResourceScan scan, AndroidApp app, XmlTree.Element application, Models m) {
        String raw = application.android("allowBackup");
        Boolean allow = app.flag(raw);
        if (raw != null && allow == null) return; // a value that cannot be read: not judged
        if (Boolean.FALSE.equals(allow)) return;
        if (raw == null && app.library()) return; // the including app decides
        // A backup agent of the app's own does key/value backup of what it chooses (unless fullBackupOnly).
        if (application.android("backupAgent") != null
                && !Boolean.TRUE.equals(app.flag(application.android("fullBackupOnly")))) return;
        String full = application.android("fullBackupContent");
        // fullBackupContent names rules (or is "false": Auto Backup off); "true" asks for everything.
        if (full != null && !Boolean.TRUE.equals(app.flag(full))) return;
        int rulesSdk = AndroidFindings.number(m, "android-data-extraction-rules-sdk");
        boolean extraction = application.android("dataExtractionRules") != null && app.targetSdk() >= rulesSdk;
        if (extraction && app.minSdk() >= rulesSdk) return;
        String how = raw == null ? "android:allowBackup is not written (it defaults to true)" : "android:allowBackup is true";
        String message;
        if (extraction) {
            message = "The application's backups follow dataExtractionRules only on Android 12 and later; on the "
                    + "older versions it installs on (minSdkVersion " + app.minSdk() + ") " + how
                    + " and no fullBackupContent rules exclude anything: all its private files, databases and "
                    + "preferences are backed up there";
        } else {
            message = "The application's private files, databases and preferences are backed up without rules: " + how
                    + " and neither fullBackupContent nor dataExtractionRules is given";
        }
        scan.reporter().report(AndroidFindings.at(app, ALLOW_BACKUP, AndroidApp.MANIFEST, application.line(), message,
                Confidence.HIGH, "application|allowBackup"));
    }

    private static void minSdk(ResourceScan scan, AndroidApp app, Models m) {
        if (app.library()) return; // a library's minSdkVersion is a floor for the apps that include it
        int supported = AndroidFindings.number(m, "android-min-supported-sdk");
        if (app.minSdk() >= supported) return;
        XmlTree.Element usesSdk = app.manifest().child("uses-sdk");
        boolean written = usesSdk != null && usesSdk.android("minSdkVersion") != null;
        int line = usesSdk != null ? usesSdk.line() : app.manifest().line();
        String what = written ? "minSdkVersion " + app.minSdk() + " lets the app install on " + AndroidFindings.api(m, app.minSdk())
                : "No minSdkVersion is given, so the app installs on every Android version";
        scan.reporter().report(AndroidFindings.at(app, MIN_SDK, AndroidApp.MANIFEST, line, what
                + " and other versions below " + AndroidFindings.api(m, supported)
                + " that no longer receive security updates", Confidence.HIGH, "min-sdk"));
    }
}
