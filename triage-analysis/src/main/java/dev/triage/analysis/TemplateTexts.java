package dev.triage.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-program analysis: whether a template the app ships writes some value without escaping it. The template is
 * found among the app's resources by its name (a resource whose name is the template's, or ends with {@code /} and
 * it: the loader's base path is not read), and its text is read, never run, with the engine's syntax from the
 * {@code template-syntax} table ({@code taint/templates.yml}): comments are dropped, regions that escape (FreeMarker's
 * {@code <#escape x as x?html>}, {@code <#autoesc>}, an HTML output format) and regions that do not are followed, and
 * each interpolation ({@code ${...}}) is escaped when its expression ends with an escaping built-in ({@code ?html},
 * {@code ?esc}) or it sits in an escaping region without an opt-out ({@code ?no_esc}). What an included template
 * writes is not read.
 */
public final class TemplateTexts {
    public static final AnalysisId<TemplateTexts> ID = AnalysisId.of("template-texts", TemplateTexts::new);

    /** Largest template text read. */
    static final int MAX_BYTES = 1 << 20;

    private final AnalysisContext context;
    private final Map<String, Optional<Set<String>>> verdicts = new ConcurrentHashMap<>();
    private volatile Map<String, List<ResourceEntry>> byFileName;

    private TemplateTexts(AnalysisContext context) {
        this.context = context;
    }

    /** In {@link #writtenUnescaped}: any value the template is given may be written unescaped. */
    public static final String ANY = "*";

    /**
     * The names of the values the app's template of this name, read with the engine's syntax, writes unescaped: the
     * top-level names of its unescaped interpolations ({@code patient} of {@code ${patient.name}}), or {@link #ANY}
     * when one is not a plain reference or the template binds names of its own ({@code <#list>}, {@code <#assign>});
     * empty when every resource of that name escapes everything it writes; null when none is found.
     */
    public Set<String> writtenUnescaped(String engine, String name) {
        String key = engine + "\u0000" + name;
        Optional<Set<String>> known = verdicts.get(key);
        if (known != null) return known.orElse(null);
        Set<String> v = judge(engine, name);
        verdicts.putIfAbsent(key, Optional.ofNullable(v));
        return v;
    }

    private Set<String> judge(String engine, String name) {
        String wanted = name.startsWith("/") ? name.substring(1) : name;
        if (wanted.isEmpty()) return null;
        String file = wanted.substring(wanted.lastIndexOf('/') + 1);
        List<ResourceEntry> candidates = index().getOrDefault(file, List.of());
        Syntax syntax = null;
        Set<String> names = null;
        for (ResourceEntry r : candidates) {
            if (!r.name().equals(wanted) && !r.name().endsWith("/" + wanted)) continue;
            if (names == null) names = new TreeSet<>();
            if (r.bytes() == null || r.bytes().length > MAX_BYTES) {
                names.add(ANY); // not read: not known to escape
                continue;
            }
            if (syntax == null) syntax = syntax(context.models(), engine);
            names.addAll(writtenUnescaped(syntax, new String(r.bytes(), StandardCharsets.UTF_8)));
        }
        return names == null ? null : Collections.unmodifiableSet(names);
    }

    private Map<String, List<ResourceEntry>> index() {
        Map<String, List<ResourceEntry>> m = byFileName;
        if (m != null) return m;
        synchronized (this) {
            if (byFileName == null) {
                Map<String, List<ResourceEntry>> out = new HashMap<>();
                for (ResourceEntry r : context.program().resources()) {
                    if (r.role() != CodeRole.APP) continue;
                    String n = r.name();
                    out.computeIfAbsent(n.substring(n.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(r);
                }
                byFileName = out;
            }
            return byFileName;
        }
    }

    /** The syntax of one engine's templates, as the {@code template-syntax} table writes it. */
    record Syntax(Pattern comment, Pattern interpolation, Pattern escapedExpression, Pattern unescapedExpression,
                  Pattern escapingHeader, Pattern escapingStart, Pattern unescapingStart, Pattern regionEnd,
                  Pattern reference, Pattern binding) {
    }

    static Syntax syntax(dev.triage.analysis.model.Models models, String engine) {
        JsonNode t = models.table("template-syntax").get(engine);
        if (t == null) throw new IllegalStateException("no template-syntax for engine " + engine);
        return new Syntax(p(t, "comment"), p(t, "interpolation-start"), p(t, "escaped-expression"),
                p(t, "unescaped-expression"), p(t, "escaping-header"), p(t, "escaping-start"), p(t, "unescaping-start"),
                p(t, "region-end"), p(t, "reference"), p(t, "binding"));
    }

    private static Pattern p(JsonNode t, String key) {
        JsonNode n = t.get(key);
        if (n == null || !n.isTextual()) throw new IllegalStateException("template-syntax: missing '" + key + "' in " + t);
        return Pattern.compile(n.asText());
    }

    /** The template text writes some interpolation without escaping it. */
    static boolean writesUnescaped(Syntax s, String raw) {
        return !writtenUnescaped(s, raw).isEmpty();
    }

    /** The top-level names the template text writes unescaped ({@link #ANY}: any value it is given). */
    static Set<String> writtenUnescaped(Syntax s, String raw) {
        String text = s.comment().matcher(raw).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        boolean binds = s.binding().matcher(text).find();
        Deque<Boolean> regions = new ArrayDeque<>();
        regions.push(s.escapingHeader().matcher(text).lookingAt());
        Matcher[] ms = {s.escapingStart().matcher(text), s.unescapingStart().matcher(text), s.regionEnd().matcher(text),
                s.interpolation().matcher(text)};
        int pos = 0;
        while (pos < text.length()) {
            int which = -1;
            int at = Integer.MAX_VALUE;
            for (int i = 0; i < ms.length; i++) {
                if (ms[i].find(pos) && ms[i].start() < at) {
                    at = ms[i].start();
                    which = i;
                }
            }
            if (which < 0) break;
            Matcher m = ms[which];
            switch (which) {
                case 0 -> regions.push(Boolean.TRUE);
                case 1 -> regions.push(Boolean.FALSE);
                case 2 -> {
                    if (regions.size() > 1) regions.pop();
                }
                default -> {
                    int end = closingBrace(text, m.end());
                    String expression = text.substring(m.end(), end < 0 ? text.length() : end);
                    boolean escaped = s.escapedExpression().matcher(expression).matches()
                            || regions.peek() && !s.unescapedExpression().matcher(expression).matches();
                    if (!escaped) {
                        // a plain reference to a value the template was given names it; anything else may write any
                        Matcher ref = s.reference().matcher(expression);
                        names.add(!binds && ref.matches() ? ref.group(1) : ANY);
                    }
                    if (end < 0) return names;
                    pos = end + 1;
                    continue;
                }
            }
            pos = Math.max(m.end(), pos + 1);
        }
        return names;
    }

    /** The index of the brace closing an interpolation opened before {@code from} (nested braces and quoted strings skipped); -1 if none. */
    private static int closingBrace(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }
}
