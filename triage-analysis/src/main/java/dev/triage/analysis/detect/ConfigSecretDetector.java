package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.PropertiesIndex;
import dev.triage.analysis.ResourceScan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * config/hardcoded-secret: a bundled .properties entry whose key names a secret (its last part is
 * a password, secret, API key, token...) and whose value is a literal rather than a placeholder. Message bundles
 * (a file with translations beside it, {@code Messages.properties} and {@code Messages_de.properties}) hold the
 * texts a page shows, and a value that is a sentence is a text too: neither is a credential. Nor is a name in a
 * name map: {@code userdatabase.password=password} beside {@code userdatabase.email=email} and
 * {@code userdatabase.loginName=login_name} names the column that stores passwords.
 */
public final class ConfigSecretDetector implements Detector {
    /** A value resolved at deploy or run time: ${VAR}, ${VAR:default}, @maven.filter@, ENC(...) (jasypt). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|@[\\w.-]+@|ENC\\(.*\\)|#\\{.*}");
    /** A translation of a bundle: {@code Name_de.properties}, {@code Name_pt_BR.properties}; group 1 is the bundle's name. */
    private static final Pattern TRANSLATION = Pattern.compile("(.+?)_[a-z]{2}(?:_[A-Z]{2})?\\.properties");
    /** Prose: three or more words of letters (a sentence the page shows). */
    private static final Pattern SENTENCE = Pattern.compile("\\p{L}[\\p{L}'’,;:-]*(?:\\s+\\S+){2,}");

    @Override
    public Set<String> rules() {
        return Set.of("config/hardcoded-secret");
    }

    @Override
    public void visitResources(ResourceScan scan) {
        Set<String> names = Tables.set(scan.context().models(), "secret-key-names");
        Set<String> qualified = Tables.set(scan.context().models(), "secret-key-qualifiers");
        Set<String> switches = Tables.set(scan.context().models(), "secret-switch-values");
        Set<String> bundles = new java.util.HashSet<>();
        for (String f : scan.context().properties().files().keySet()) {
            java.util.regex.Matcher m = TRANSLATION.matcher(f);
            if (m.matches()) bundles.add(m.group(1) + ".properties");
        }
        for (Map.Entry<String, List<PropertiesIndex.Entry>> file : scan.context().properties().files().entrySet()) {
            if (file.getKey().startsWith("META-INF/maven/")) continue;
            if (isMessageBundle(file.getKey(), bundles)) continue;
            for (PropertiesIndex.Entry e : file.getValue()) {
                if (!namesSecret(e.key(), names, qualified)) continue;
                String value = e.value().strip();
                if (value.isEmpty() || PLACEHOLDER.matcher(value).find() || SENTENCE.matcher(value).matches()) continue;
                // a switch (allow-credentials=true) is no secret, whatever its key names
                if (switches.contains(value.toLowerCase(java.util.Locale.ROOT))) continue;
                if (namesItself(e.key(), value) && inNameMap(e, file.getValue())) continue;
                Location at = Location.inResource(e.file(), e.line(), e.file());
                scan.reporter().report(new Detection("config/hardcoded-secret", at,
                        "Property " + e.key() + " in " + e.file() + " holds a literal secret",
                        List.of(), Confidence.MEDIUM, "property|" + e.key()));
            }
        }
    }

    /** A bundle with translations beside it, or one of its translations. */
    static boolean isMessageBundle(String file, Set<String> bundles) {
        java.util.regex.Matcher m = TRANSLATION.matcher(file);
        return bundles.contains(file) || (m.matches() && bundles.contains(m.group(1) + ".properties"));
    }

    /**
     * The key's last dotted part, without separators and lower-cased, is a secret name
     * ({@code db.password}, {@code client-secret}); or the last part is {@code key} and the one before
     * qualifies it ({@code api.key}, {@code encryption.key}).
     */
    static boolean namesSecret(String key, Set<String> names, Set<String> qualifiers) {
        String[] parts = key.split("\\.");
        String last = normalise(parts[parts.length - 1]);
        if (names.contains(last)) return true;
        for (String n : names) {
            if (last.endsWith(n) && last.length() > n.length() && n.length() >= 6) return true;
        }
        if (last.equals("key") && parts.length > 1) return qualifiers.contains(normalise(parts[parts.length - 2]));
        return false;
    }

    /** The value is the key's own last part, spelled as a name ({@code loginName=login_name}, {@code password=password}). */
    static boolean namesItself(String key, String value) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return !last.isEmpty() && normalise(last).equals(normalise(value));
    }

    /**
     * The entry's siblings (the other keys with the same prefix) are mostly names of themselves: at least three
     * of them, and at least half. Such a group maps fields to column or attribute names; a group of settings
     * ({@code url}, {@code username}, {@code password}) holds values, and its password stays a secret.
     */
    static boolean inNameMap(PropertiesIndex.Entry entry, List<PropertiesIndex.Entry> file) {
        int dot = entry.key().lastIndexOf('.');
        if (dot < 0) return false;
        String prefix = entry.key().substring(0, dot + 1);
        int siblings = 0;
        int names = 0;
        for (PropertiesIndex.Entry e : file) {
            if (e == entry || !e.key().startsWith(prefix) || e.key().indexOf('.', prefix.length()) >= 0) continue;
            siblings++;
            if (namesItself(e.key(), e.value().strip())) names++;
        }
        return names >= 3 && names * 2 >= siblings;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
