package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.Detector;
import dev.triage.analysis.PropertiesIndex;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.android.AndroidApp;
import dev.triage.program.android.ResourceTable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * android/hardcoded-secret: string resources whose name says they hold a password, secret, token or key and whose
 * value is a literal that looks like one (not a UI text, a placeholder or a preference key), and credentials in
 * well-known formats ({@code android-secret-formats}) in string resources, text assets and {@code res/raw} files.
 *
 * <p>String resources are reported once per name, at the default configuration's row of the decoded table; files once
 * per distinct credential, at the line where it first appears. Messages show only the first characters of a value.
 * A line of a {@code .properties} or YAML asset whose key names a secret is left to config/hardcoded-secret.
 */
public final class AndroidSecretDetector implements Detector {
    static final String RULE = "android/hardcoded-secret";
    private static final Pattern FORMAT_SPECIFIER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[sdfxXc]");
    /** A capitalised word, perhaps with closing punctuation: a UI label in any language ("Password", "Passwort:"). */
    private static final Pattern LABEL_WORD = Pattern.compile("\\p{Lu}\\p{Ll}{1,40}\\p{P}?");
    private static final Pattern NAME_TOKEN = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

    /**
     * A credential format; {@code hints}: lower-case strings one of which the text must contain for the pattern to
     * run; {@code grouped}: the pattern marks the credential with a group named "secret".
     */
    record Format(String name, Pattern pattern, List<String> hints, boolean grouped) {
        /** The text (and its lower-case copy) may hold this format. */
        boolean mayOccur(String lowerCase) {
            for (String h : hints) if (lowerCase.contains(h)) return true;
            return hints.isEmpty();
        }

        /** The credential a match found. */
        String value(Matcher m) {
            return grouped ? m.group("secret") : m.group();
        }
    }

    @Override
    public Set<String> rules() {
        return Set.of(RULE);
    }

    @Override
    public Set<String> modelKinds() {
        return Set.of();
    }

    @Override
    public void visitResources(ResourceScan scan) {
        AndroidApp app = AndroidFindings.app(scan);
        if (app == null) return;
        Models m = scan.context().models();
        List<Format> formats = formats(m);
        Set<String> examples = Tables.set(m, "android-secret-example-markers");
        strings(scan, app, m, formats, examples);
        files(scan, app, m, formats, examples);
    }

    static List<Format> formats(Models m) {
        List<Format> out = new ArrayList<>();
        for (JsonNode f : m.table("android-secret-formats")) {
            String p = f.get("pattern").asText();
            List<String> hints = new ArrayList<>();
            f.path("hints").forEach(h -> hints.add(h.asText().toLowerCase(Locale.ROOT)));
            out.add(new Format(f.get("name").asText(), Pattern.compile(p), List.copyOf(hints), p.contains("(?<secret>")));
        }
        return out;
    }

    // ---------------------------------------------------------------- string resources

    private static void strings(ResourceScan scan, AndroidApp app, Models m, List<Format> formats, Set<String> examples) {
        Set<String> names = Tables.set(m, "secret-key-names");
        Set<String> qualifiers = Tables.set(m, "secret-key-qualifiers");
        Set<String> labelWords = Tables.set(m, "android-label-name-words");
        Set<String> publicNames = Tables.set(m, "android-public-resource-names");
        List<Pattern> placeholders = new ArrayList<>();
        for (String p : Tables.set(m, "android-placeholder-values")) {
            placeholders.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
        }
        // default configuration first, then the others, each name once
        Map<String, List<ResourceTable.Entry>> byName = new LinkedHashMap<>();
        for (ResourceTable.Entry e : app.resources().ofType("string")) {
            byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<ResourceTable.Entry>> rows : byName.entrySet()) {
            String name = rows.getKey();
            if (publicNames.contains(name)) continue;
            List<ResourceTable.Entry> ordered = new ArrayList<>(rows.getValue());
            ordered.sort((a, b) -> Boolean.compare(!a.config().isEmpty(), !b.config().isEmpty()));
            boolean secretName = namesSecret(name, names, qualifiers, labelWords);
            for (ResourceTable.Entry e : ordered) {
                String v = e.value();
                if (v == null || v.isEmpty()) continue;
                String message = null;
                String key = null;
                Hit hit = firstHit(v, formats, examples);
                if (hit != null) {
                    message = "String resource @string/" + name + " holds " + article(hit.format().name()) + " ("
                            + masked(hit.value()) + ")";
                    key = "string|" + name + "|" + hit.format().name();
                } else if (secretName && looksLikeSecret(v, name, placeholders)) {
                    message = "String resource @string/" + name + " holds a literal secret (" + masked(v.strip())
                            + "): its name says it is a password, secret, token or key";
                    key = "string|" + name;
                }
                if (message == null) continue;
                scan.reporter().report(AndroidFindings.at(app, RULE, ResourceTable.RESOURCE_NAME, e.line(),
                        message + "; anyone can read it from the app", hit != null ? "HIGH" : "MEDIUM", key));
                break;
            }
        }
    }

    /**
     * A resource name that says it holds a secret: {@code db_password}, {@code client_secret}, {@code api_key},
     * {@code authToken} (config-secrets.yml's rule with '_' and '-' read as '.'), unless a word of it says it is a UI
     * text about one ({@code prompt_password}, {@code error_invalid_token}).
     */
    static boolean namesSecret(String name, Set<String> names, Set<String> qualifiers, Set<String> labelWords) {
        for (String t : tokens(name)) if (labelWords.contains(t)) return false;
        return ConfigSecretDetector.namesSecret(name.replace('_', '.').replace('-', '.'), names, qualifiers);
    }

    /** Lower-case words of a name: snake_case, kebab-case, dotted and camelCase parts. */
    static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String t : NAME_TOKEN.split(name.length() > 200 ? name.substring(0, 200) : name)) {
            if (!t.isEmpty()) out.add(t.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * A value that looks like a secret rather than text: no spaces, at least 6 characters, not a capitalised word (a
     * label), not a format string, URL, resource reference or placeholder, and not made of the name's own words (a
     * preference key such as {@code api_token}).
     */
    static boolean looksLikeSecret(String value, String name, List<Pattern> placeholders) {
        String v = value.strip();
        if (v.length() < 6 || v.length() > 4096) return false;
        for (int i = 0; i < v.length(); i++) if (Character.isWhitespace(v.charAt(i))) return false;
        if (v.startsWith("@") || v.startsWith("?") || v.contains("://")) return false;
        if (LABEL_WORD.matcher(v).matches() || FORMAT_SPECIFIER.matcher(v).find()) return false;
        for (Pattern p : placeholders) if (p.matcher(v).matches()) return false;
        // made of the name's own words: a preference key ("api_token") or the name again ("APIKEY" for api_key)
        List<String> own = tokens(name);
        List<String> words = tokens(v);
        if (!words.isEmpty() && own.containsAll(words)) return false;
        String joined = String.join("", own);
        return words.isEmpty() || !joined.contains(String.join("", words));
    }

    // ---------------------------------------------------------------- assets and raw files

    private static void files(ResourceScan scan, AndroidApp app, Models m, List<Format> formats, Set<String> examples) {
        long maxFile = AndroidFindings.number(m, "android-secret-max-file-bytes");
        long budget = AndroidFindings.number(m, "android-secret-max-total-bytes");
        Map<String, ResourceEntry> files = new TreeMap<>();
        for (ResourceEntry r : scan.context().program().resources()) {
            if (r.role() != CodeRole.APP) continue;
            if (r.name().startsWith("assets/") || r.name().startsWith("res/raw")) files.putIfAbsent(r.name(), r);
        }
        Set<String> names = Tables.set(m, "secret-key-names");
        Set<String> qualifiers = Tables.set(m, "secret-key-qualifiers");
        for (ResourceEntry r : files.values()) {
            if (r.bytes().length > maxFile || r.bytes().length > budget) continue;
            budget -= r.bytes().length;
            if (scan.context().deadline().exhausted()) return;
            String text = new String(r.bytes(), StandardCharsets.UTF_8);
            Set<Integer> leftToConfig = configSecretLines(scan, r.name(), names, qualifiers);
            Set<String> seen = new HashSet<>();
            List<Hit> hits = new ArrayList<>();
            String lower = text.toLowerCase(Locale.ROOT);
            for (Format f : formats) {
                if (!f.mayOccur(lower)) continue;
                Matcher mt = f.pattern().matcher(text);
                while (mt.find()) {
                    String value = f.value(mt);
                    if (isExample(mt.group(), examples)) continue;
                    if (seen.add(f.name() + "\u0000" + value)) hits.add(new Hit(f, value, mt.start()));
                }
            }
            hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                    : a.format().name().compareTo(b.format().name()));
            int line = 1;
            int pos = 0;
            for (Hit h : hits) {
                for (; pos < h.start(); pos++) if (text.charAt(pos) == '\n') line++;
                if (leftToConfig.contains(line)) continue;
                scan.reporter().report(AndroidFindings.at(app, RULE, r.name(), line, r.name() + " holds "
                        + article(h.format().name()) + " (" + masked(h.value()) + "); anyone can read it from the app",
                        "HIGH", "file|" + r.name() + "|" + h.format().name() + "|" + digest(h.value())));
            }
        }
    }

    /** Lines of a .properties or YAML file that config/hardcoded-secret reports (a key naming a secret). */
    private static Set<Integer> configSecretLines(ResourceScan scan, String file, Set<String> names, Set<String> qualifiers) {
        Set<Integer> out = new HashSet<>();
        List<PropertiesIndex.Entry> entries = scan.context().properties().files().get(file);
        if (entries == null) return out;
        for (PropertiesIndex.Entry e : entries) {
            if (ConfigSecretDetector.namesSecret(e.key(), names, qualifiers)) out.add(e.line());
        }
        return out;
    }

    record Hit(Format format, String value, int start) {
    }

    private static Hit firstHit(String value, List<Format> formats, Set<String> examples) {
        String v = value.length() > 65_536 ? value.substring(0, 65_536) : value;
        Hit best = null;
        String lower = v.toLowerCase(Locale.ROOT);
        for (Format f : formats) {
            if (!f.mayOccur(lower)) continue;
            Matcher mt = f.pattern().matcher(v);
            while (mt.find()) {
                if (isExample(mt.group(), examples)) continue;
                if (best == null || mt.start() < best.start()) best = new Hit(f, f.value(mt), mt.start());
                break;
            }
        }
        return best;
    }

    private static boolean isExample(String value, Set<String> markers) {
        for (String x : markers) if (value.contains(x)) return true;
        return false;
    }

    /** The first characters of a secret, never all of it. */
    static String masked(String s) {
        String t = AndroidFindings.shown(s);
        int show = t.startsWith("-----BEGIN") ? Math.min(t.length(), 40) : Math.min(t.length() / 3, 12);
        return t.substring(0, show) + "...";
    }

    private static String article(String what) {
        String w = what.toLowerCase(Locale.ROOT);
        return ("aeio".indexOf(w.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    private static String digest(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) sb.append(String.format("%02x", d[i]));
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            return Integer.toHexString(s.hashCode());
        }
    }
}
