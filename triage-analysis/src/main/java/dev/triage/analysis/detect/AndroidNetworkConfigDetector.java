package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.analysis.Detector;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.program.android.AndroidApp;
import dev.triage.program.android.XmlTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Network policy of an Android app: android/cleartext-traffic and android/user-ca-trusted, from the network security
 * configuration (base-config, domain-configs at any depth; debug-overrides apply to debuggable builds only and are
 * never judged), the {@code usesCleartextTraffic} attribute, and the platform defaults of the app's targetSdkVersion.
 *
 * <p>Explicit settings point at the configuration element (the {@code <certificates src="user">} element for user
 * CAs); attributes and defaults point at the manifest's {@code <application>}. Domain configs that name only hosts on
 * the device ({@code android-local-hosts}) are not findings, nor is anything of an app that does not hold the
 * INTERNET permission.
 */
public final class AndroidNetworkConfigDetector implements Detector {
    static final String CLEARTEXT = "android/cleartext-traffic";
    static final String USER_CA = "android/user-ca-trusted";
    static final String INTERNET = "android.permission.INTERNET";

    @Override
    public Set<String> rules() {
        return Set.of(CLEARTEXT, USER_CA);
    }

    @Override
    public void visitResources(ResourceScan scan) {
        AndroidApp app = AndroidFindings.app(scan);
        if (app == null || app.application() == null) return;
        Models m = scan.context().models();
        // An app that may not open sockets sends no traffic; a library's permissions merge into the app's.
        if (!app.library() && !app.usesPermissions().contains(INTERNET)) return;
        AndroidApp.XmlFile nsc = app.networkSecurityConfig();
        cleartext(scan, app, nsc, m);
        userCas(scan, app, nsc, m);
    }

    /** base-config and every domain-config (nested ones too), in document order. */
    private static List<XmlTree.Element> configs(XmlTree.Element root) {
        List<XmlTree.Element> out = new ArrayList<>();
        for (XmlTree.Element c : root.children()) {
            if (c.name().equals("base-config")) out.add(c);
            else if (c.name().equals("domain-config")) out.addAll(c.descendants("domain-config"));
        }
        return out;
    }

    private static void cleartext(ResourceScan scan, AndroidApp app, AndroidApp.XmlFile nsc, Models m) {
        XmlTree.Element application = app.application();
        String attrRaw = application.android("usesCleartextTraffic");
        Boolean attr = app.flag(attrRaw);
        boolean byDefault = app.targetSdk() < AndroidFindings.number(m, "android-cleartext-default-off-sdk");
        int nscSdk = AndroidFindings.number(m, "android-network-security-config-sdk");
        if (nsc == null) {
            if (Boolean.TRUE.equals(attr)) {
                report(scan, app, CLEARTEXT, application.line(), "The application sets android:usesCleartextTraffic="
                        + "\"true\": it may send and receive unencrypted HTTP to and from any host", "application|cleartext");
            } else if (attrRaw == null && byDefault && !app.library()) {
                report(scan, app, CLEARTEXT, application.line(), "The app targets " + AndroidFindings.api(m, app.targetSdk())
                        + ", below " + AndroidFindings.number(m, "android-cleartext-default-off-sdk")
                        + ", and neither android:usesCleartextTraffic nor a network security configuration refuses "
                        + "cleartext: unencrypted HTTP to any host is allowed by default", "application|cleartext");
            }
            return;
        }
        XmlTree.Element base = null;
        for (XmlTree.Element c : configs(nsc.root())) {
            if (c.name().equals("base-config") && base == null) base = c;
            if (!Boolean.TRUE.equals(app.flag(c.attr("cleartextTrafficPermitted")))) continue;
            if (c.name().equals("base-config")) {
                report(scan, app, CLEARTEXT, nsc.path(), c.line(), "The network security configuration " + nsc.path()
                        + " permits cleartext traffic in its base-config: unencrypted HTTP to any host is allowed",
                        "nsc|base-config|cleartext");
            } else {
                List<String> domains = AndroidFindings.domains(c);
                if (domains.isEmpty() || AndroidFindings.allLocal(domains, m)) continue;
                report(scan, app, CLEARTEXT, nsc.path(), c.line(), "The network security configuration " + nsc.path()
                        + " permits cleartext traffic to " + AndroidFindings.shown(AndroidFindings.list(domains, 5))
                        + ": what the app exchanges with " + (domains.size() == 1 ? "this host" : "these hosts")
                        + " travels unencrypted", "nsc|domain-config|cleartext|" + domains.get(0).toLowerCase(Locale.ROOT));
            }
        }
        // With a configuration the attribute only counts where the configuration does not exist (Android 6.0).
        if (Boolean.TRUE.equals(attr) && app.minSdk() < nscSdk) {
            report(scan, app, CLEARTEXT, application.line(), "The application sets android:usesCleartextTraffic=\"true\","
                    + " which Android versions before 7.0 (minSdkVersion " + app.minSdk() + ") follow instead of the network"
                    + " security configuration: there, unencrypted HTTP to any host is allowed", "application|cleartext");
        } else if (byDefault && !app.library() && (base == null || base.attr("cleartextTrafficPermitted") == null)) {
            report(scan, app, CLEARTEXT, application.line(), "The app targets " + AndroidFindings.api(m, app.targetSdk())
                    + ", below " + AndroidFindings.number(m, "android-cleartext-default-off-sdk") + ", and the base-config of "
                    + nsc.path() + " does not set cleartextTrafficPermitted: unencrypted HTTP to any host is allowed by "
                    + "default", "application|cleartext");
        }
    }

    private static void userCas(ResourceScan scan, AndroidApp app, AndroidApp.XmlFile nsc, Models m) {
        int defaultOff = AndroidFindings.number(m, "android-user-ca-default-off-sdk");
        boolean byDefault = app.targetSdk() < defaultOff && !app.library();
        if (nsc == null) {
            if (byDefault) {
                report(scan, app, USER_CA, app.application().line(), "The app targets " + AndroidFindings.api(m, app.targetSdk())
                        + ", below " + defaultOff + ", and has no network security configuration: certificate authorities"
                        + " the user installed are trusted for all its TLS connections", "application|user-ca");
            }
            return;
        }
        XmlTree.Element base = null;
        for (XmlTree.Element c : configs(nsc.root())) {
            boolean isBase = c.name().equals("base-config");
            if (isBase && base == null) base = c;
            List<String> domains = isBase ? List.of() : AndroidFindings.domains(c);
            if (!isBase && (domains.isEmpty() || AndroidFindings.allLocal(domains, m))) continue;
            for (XmlTree.Element anchors : c.children("trust-anchors")) {
                for (XmlTree.Element cert : anchors.children("certificates")) {
                    String src = app.resources().value(cert.attr("src"));
                    if (src == null || !src.strip().equalsIgnoreCase("user")) continue;
                    String scope = isBase ? "every host (base-config)"
                            : AndroidFindings.shown(AndroidFindings.list(domains, 5));
                    report(scan, app, USER_CA, nsc.path(), cert.line(), "The network security configuration " + nsc.path()
                            + " trusts user-installed certificate authorities for " + scope
                            + " outside debug-overrides: such a CA can intercept the app's TLS traffic",
                            "nsc|user-ca|" + (isBase ? "base-config" : domains.get(0).toLowerCase(Locale.ROOT)));
                }
            }
        }
        if (byDefault && (base == null || base.child("trust-anchors") == null)) {
            report(scan, app, USER_CA, app.application().line(), "The app targets " + AndroidFindings.api(m, app.targetSdk())
                    + ", below " + defaultOff + ", and the network security configuration " + nsc.path() + " gives no "
                    + "base-config trust-anchors: certificate authorities the user installed are trusted by default",
                    "application|user-ca");
        }
    }

    private static void report(ResourceScan scan, AndroidApp app, String rule, int line, String message, String key) {
        report(scan, app, rule, AndroidApp.MANIFEST, line, message, key);
    }

    private static void report(ResourceScan scan, AndroidApp app, String rule, String path, int line, String message,
                               String key) {
        scan.reporter().report(AndroidFindings.at(app, rule, path, line, message, Confidence.HIGH, key));
    }
}
