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
 * not reported. The finding stands at the setting's line.
 */
public final class ConfigSettingDetector implements Detector {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|@[\\w.-]+@");

    /** One row of {@code config-settings}. */
    record Setting(String rule, Pattern file, Pattern key, Pattern value, String message) {
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
                out.add(new Setting(r.path("rule").asText(), Pattern.compile(f),
                        Pattern.compile(r.path("key").asText()), Pattern.compile(r.path("value").asText()), r.path("message").asText()));
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
                for (PropertiesIndex.Entry e : file.getValue()) {
                    if (!s.key().matcher(e.key()).matches()) continue;
                    String value = e.value() == null ? "" : e.value().strip();
                    if (PLACEHOLDER.matcher(value).find() || !s.value().matcher(value).matches()) continue;
                    Location at = Location.inResource(e.file(), e.line(), e.file());
                    String message = s.message().replace("{key}", e.key()).replace("{value}", value).replace("{file}", e.file());
                    scan.reporter().report(new Detection(s.rule(), at, message, List.of(), Confidence.HIGH, "setting|" + e.key()));
                }
            }
        }
    }
}
