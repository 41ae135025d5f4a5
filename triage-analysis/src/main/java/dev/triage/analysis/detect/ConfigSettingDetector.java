package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.Detector;
import dev.triage.analysis.PropertiesIndex;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.contract.Confidence;
import dev.triage.contract.Detection;
import dev.triage.contract.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Framework settings that switch a protection off or expose an internal endpoint, in the app's bundled configuration
 * (.properties and YAML, flattened to dotted keys): each row of the {@code config-settings} table names a rule, the
 * files it reads (a name of {@code config-setting-files}: Spring Boot's application and bootstrap files, without
 * development profiles), a key and the values
 * that are unsafe. A value resolved at deploy time (a {@code ${...}} placeholder) is the deployment's decision and is
 * not reported. A row may ask for a companion setting in the same file ({@code with: {key, value}}: origin patterns
 * matter with credentials allowed) and give its findings a severity of their own. The finding stands at the
 * setting's line.
 */
public final class ConfigSettingDetector implements Detector {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|@[\\w.-]+@");

    /** One row of {@code config-settings}. */
    record Setting(String rule, Pattern file, Pattern key, Pattern value, String message, Pattern withKey, Pattern withValue,
                   dev.triage.contract.Severity severity) {
    }

    private final List<Setting> settings;

    public ConfigSettingDetector(Models models) {
        List<Setting> out = new ArrayList<>();
        JsonNode t = models.tables.get("config-settings");
        JsonNode files = models.tables.get("config-setting-files");
        if (t != null) {
            for (JsonNode r : t) {
                String f = files == null ? null : files.path(r.path("files").asText()).asText(null);
                if (f == null) throw new IllegalStateException("config-settings: unknown files '" + r.path("files").asText() + "': " + r);
                JsonNode with = r.get("with");
                if (with != null && (!with.hasNonNull("key") || !with.hasNonNull("value"))) {
                    throw new IllegalStateException("config-settings: 'with' needs a key and a value: " + r);
                }
                out.add(new Setting(r.path("rule").asText(), Pattern.compile(f),
                        Pattern.compile(r.path("key").asText()), Pattern.compile(r.path("value").asText()), r.path("message").asText(),
                        with == null ? null : Pattern.compile(with.get("key").asText()),
                        with == null ? null : Pattern.compile(with.get("value").asText()),
                        r.has("severity") ? dev.triage.contract.Severity.ofLevel(r.get("severity").asInt()) : null));
            }
        }
        this.settings = List.copyOf(out);
    }

    @Override
    public Set<String> rules() {
        Set<String> r = new TreeSet<>();
        settings.forEach(s -> r.add(s.rule()));
        return r;
    }

    @Override
    public void visitResources(ResourceScan scan) {
        for (Map.Entry<String, List<PropertiesIndex.Entry>> file : scan.context().properties().files().entrySet()) {
            for (Setting s : settings) {
                if (!s.file().matcher(file.getKey()).matches()) continue;
                if (s.withKey() != null && !companion(s, file.getValue())) continue;
                for (PropertiesIndex.Entry e : file.getValue()) {
                    if (!s.key().matcher(e.key()).matches()) continue;
                    String value = e.value() == null ? "" : e.value().strip();
                    if (PLACEHOLDER.matcher(value).find() || !s.value().matcher(value).matches()) continue;
                    Location at = Location.inResource(e.file(), e.line(), e.file());
                    String message = s.message().replace("{key}", e.key()).replace("{value}", value).replace("{file}", e.file());
                    scan.reporter().report(new Detection(s.rule(), at, message, List.of(), Confidence.HIGH, "setting|" + e.key(),
                            s.severity(), Map.of()));
                }
            }
        }
    }

    /** The file also holds the row's companion setting with a value it names (not a placeholder). */
    private static boolean companion(Setting s, List<PropertiesIndex.Entry> entries) {
        for (PropertiesIndex.Entry e : entries) {
            if (!s.withKey().matcher(e.key()).matches()) continue;
            String value = e.value() == null ? "" : e.value().strip();
            if (!PLACEHOLDER.matcher(value).find() && s.withValue().matcher(value).matches()) return true;
        }
        return false;
    }
}
