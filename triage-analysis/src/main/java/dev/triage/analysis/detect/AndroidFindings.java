package dev.triage.analysis.detect;

import dev.triage.contract.Severity;
import dev.triage.contract.Confidence;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.program.android.AndroidApp;
import dev.triage.program.android.XmlTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the Android configuration detectors share: where a finding stands, tables, local hosts. */
final class AndroidFindings {
    private AndroidFindings() {
    }

    /** The app the scan's manifest describes, or null (not an Android app, or a manifest that could not be read). */
    static AndroidApp app(ResourceScan scan) {
        AndroidApp app = scan.context().program().android();
        return app == null || app.manifest() == null ? null : app;
    }

    /** A detection on a line of a file of the app (the manifest, a resource file, the decoded resource table). */
    static Detection at(AndroidApp app, String ruleId, String path, int line, String message, Confidence confidence,
                        String key) {
        return new Detection(ruleId, Location.inResource(path, line, app.origin(path)), message, List.of(),
                confidence, key);
    }

    /** The same with a severity of its own (the rule text says when). */
    static Detection at(AndroidApp app, String ruleId, String path, int line, String message, Confidence confidence,
                        String key, Severity severity) {
        return new Detection(ruleId, Location.inResource(path, line, app.origin(path)), message, List.of(),
                confidence, key, severity, Map.of());
    }

    /** A number table. */
    static int number(Models m, String table) {
        JsonNode n = m.table(table);
        if (!n.canConvertToInt()) throw new IllegalStateException("model table " + table + " is not a number");
        return n.asInt();
    }

    /** "API level 21 (Android 5.0)" from the android-version-names table. */
    static String api(Models m, int level) {
        JsonNode names = m.table("android-version-names");
        JsonNode n = names.get(Integer.toString(level));
        return n == null ? "API level " + level : "API level " + level + " (Android " + n.asText() + ")";
    }

    /** The domain names of a network security configuration's domain-config (its own, not nested ones'). */
    static List<String> domains(XmlTree.Element domainConfig) {
        List<String> out = new ArrayList<>();
        for (XmlTree.Element d : domainConfig.children("domain")) {
            String t = d.text().strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Every domain is a host that never leaves the device (android-local-hosts); false for none. */
    static boolean allLocal(List<String> domains, Models m) {
        if (domains.isEmpty()) return false;
        Set<String> local = new TreeSet<>();
        for (String s : Tables.set(m, "android-local-hosts")) local.add(s.toLowerCase(Locale.ROOT));
        for (String d : domains) if (!local.contains(d.toLowerCase(Locale.ROOT))) return false;
        return true;
    }

    /** At most {@code max} names joined with ", ", then "and N more". */
    static String list(List<String> names, int max) {
        if (names.size() <= max) return String.join(", ", names);
        return String.join(", ", names.subList(0, max)) + " and " + (names.size() - max) + " more";
    }

    /** A name from the app (component class, permission), bounded for a message. */
    static String name(String s) {
        if (s == null) return "";
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** A value from the app, shortened for a message. */
    static String shown(String s) {
        if (s == null) return "";
        String t = (s.length() > 200 ? s.substring(0, 200) : s).replaceAll("\\p{Cntrl}", " ");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }
}
