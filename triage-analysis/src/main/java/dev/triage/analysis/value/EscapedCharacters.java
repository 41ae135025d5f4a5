package dev.triage.analysis.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.model.Models;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Hand-written escapers, judged from what their code does to the characters of a text rather than by their names. A
 * flow label records, as marks beside the sink kinds it is clean for, which characters its data can no longer hold
 * raw: every occurrence was replaced by a call of the {@code character-replacements} table ({@code
 * s.replace("<", "&lt;")}, {@code replaceAll("[<>]", "")}), or the character was appended only on a branch where it
 * was compared unequal to them ({@code switch (c) { case '<': ... default: sb.append(c); }}). A label whose marks
 * cover every character the {@code escaped-characters-clear} table names for a sink kind is clean for that kind (and
 * for the kinds sanitized as it), so an app method that escapes its parameter returns it clean and its callers see a
 * sanitizer, as for any other summary; a method that misses {@code <} does not. Only the characters some row of that
 * table names are marked, which keeps labels short.
 */
final class EscapedCharacters {
    /** A mark: the label's data holds no raw character with this code (hex). */
    private static final String MARK = "~no-";

    /** Per model set: the characters that matter, the kinds each set of them clears and the replacement calls. */
    private static final Map<Models, Tables> TABLES = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private EscapedCharacters() {
    }

    private record Replacement(String owner, String name, String descriptor, int text, int target, int pattern, int replacement) {
    }

    private record Tables(Set<Integer> relevant, Map<String, Set<Integer>> required, Map<String, Pattern> reopenedBy,
                          Map<String, List<String>> alike, Map<String, List<Replacement>> replacements) {
    }

    private static Tables tables(Models models) {
        return TABLES.computeIfAbsent(models, EscapedCharacters::read);
    }

    private static Tables read(Models models) {
        Map<String, Set<Integer>> required = new LinkedHashMap<>();
        Set<Integer> relevant = new TreeSet<>();
        Map<String, Pattern> reopenedBy = new HashMap<>();
        JsonNode t = models.tables.get("escaped-characters-clear");
        if (t != null) t.fields().forEachRemaining(e -> {
            Set<Integer> chars = new TreeSet<>();
            if (e.getValue().hasNonNull("reopened-by")) reopenedBy.put(e.getKey(), Pattern.compile(e.getValue().get("reopened-by").asText()));
            e.getValue().path("characters").forEach(c -> {
                String s = c.asText();
                if (s.length() != 1) throw new IllegalStateException("escaped-characters-clear: not one character: " + s);
                chars.add((int) s.charAt(0));
            });
            required.put(e.getKey(), chars);
            relevant.addAll(chars);
        });
        Map<String, List<String>> alike = new HashMap<>();
        JsonNode as = models.tables.get("sink-kind-sanitized-as");
        if (as != null) as.fields().forEachRemaining(e -> alike.computeIfAbsent(e.getValue().asText(), k -> new ArrayList<>()).add(e.getKey()));
        Map<String, List<Replacement>> replacements = new HashMap<>();
        JsonNode rows = models.tables.get("character-replacements");
        if (rows != null) rows.forEach(r -> {
            String call = r.path("call").asText();
            int paren = call.indexOf('(');
            int dot = call.lastIndexOf('.', paren);
            Replacement rep = new Replacement(call.substring(0, dot), call.substring(dot + 1, paren), call.substring(paren),
                    position(r.get("text")), r.has("target") ? position(r.get("target")) : Integer.MIN_VALUE,
                    r.has("pattern") ? position(r.get("pattern")) : Integer.MIN_VALUE, position(r.get("replacement")));
            if ((rep.target() == Integer.MIN_VALUE) == (rep.pattern() == Integer.MIN_VALUE)) {
                throw new IllegalStateException("character-replacements: a row needs one of target and pattern: " + r);
            }
            replacements.computeIfAbsent(rep.name(), k -> new ArrayList<>()).add(rep);
        });
        return new Tables(Set.copyOf(relevant), required, reopenedBy, alike, replacements);
    }

    /** A table position: {@code this} (-1) or a declared parameter index. */
    private static int position(JsonNode n) {
        if (n == null) throw new IllegalStateException("character-replacements: a position is missing");
        return "this".equals(n.asText()) ? -1 : n.asInt();
    }

    /** The characters a marking can matter for (those the {@code escaped-characters-clear} table names). */
    static Set<Integer> relevant(Models models) {
        return tables(models).relevant();
    }

    /**
     * The labels with these characters marked absent from each flow label's data and those of {@code introduced}
     * (characters a replacement text puts back) no longer marked; a label whose marks now cover a kind's characters is
     * clean for it. Kinds once cleared stay cleared here: a line break turned into {@code <br>} after escaping is
     * markup the code chose, not the attacker (a replacement that leaves markup open re-opens them: {@link #apply}).
     */
    static Set<String> mark(Models models, Set<String> labels, Collection<Integer> removed, Collection<Integer> introduced) {
        Tables t = tables(models);
        Set<String> out = new TreeSet<>();
        boolean changed = false;
        for (String l : labels) {
            if (!Taint.isFlow(l)) {
                out.add(l);
                continue;
            }
            Set<String> cleared = Taint.cleared(l);
            Set<String> before = new TreeSet<>(cleared);
            for (int c : removed) if (t.relevant().contains(c)) cleared.add(mark(c));
            for (int c : introduced) cleared.remove(mark(c));
            for (Map.Entry<String, Set<Integer>> e : t.required().entrySet()) {
                if (cleared.contains(e.getKey())) continue;
                boolean all = true;
                for (int c : e.getValue()) all &= cleared.contains(mark(c));
                if (all) {
                    cleared.add(e.getKey());
                    cleared.addAll(t.alike().getOrDefault(e.getKey(), List.of()));
                }
            }
            if (cleared.equals(before)) {
                out.add(l);
                continue;
            }
            changed = true;
            StringBuilder b = new StringBuilder(Taint.base(l));
            for (String k : cleared) b.append('!').append(k);
            out.add(b.toString());
        }
        return changed ? Collections.unmodifiableSet(out) : labels;
    }

    private static String mark(int c) {
        return MARK + Integer.toHexString(c);
    }

    /** A value with these characters marked absent from its flow labels' data. */
    static Value without(Models models, Value v, Collection<Integer> removed) {
        Set<String> labels = mark(models, v.labels(), removed, List.of());
        return labels == v.labels() ? v : new Value(v.type(), v.getSize(), v.constants(), v.prefix(), v.object(), v.param(), labels, v.origin());
    }

    /**
     * A transfer stage: a call of the {@code character-replacements} table. The data the text carried comes back with
     * the target's character marked absent (when it is one character, or a pattern that matches every occurrence of
     * it) and the replacement's characters no longer marked; labels the target or replacement carry stay as they are.
     * A replacement text that matches a kind's {@code reopened-by} pattern (a lone {@code <} or a quote: entities
     * turned back into markup, {@code [url]} into {@code <a href='}) makes the text's data reach that kind again,
     * whoever had cleared it (an encoder's output unescaped for display is no longer encoded).
     */
    static void apply(Call c) {
        if (c.result == null || c.result.labels().isEmpty()) return;
        Models models = c.context().models();
        Tables t = tables(models);
        List<Replacement> rows = t.replacements().get(c.insn.name);
        if (rows == null || t.relevant().isEmpty()) return;
        for (Replacement r : rows) {
            if (!r.owner().equals(c.insn.owner) || !r.descriptor().equals(c.insn.desc)) continue;
            Value text = c.at(r.text());
            Value replacement = c.at(r.replacement());
            if (text == null || replacement == null) return;
            String with = constantText(replacement);
            if (with == null) return;
            Set<Integer> removed = r.target() != Integer.MIN_VALUE ? targetCharacter(c.at(r.target()))
                    : patternCharacters(c.at(r.pattern()), t.relevant());
            Set<String> reopened = new TreeSet<>();
            t.reopenedBy().forEach((kind, p) -> {
                if (p.matcher(with).find()) {
                    reopened.add(kind);
                    reopened.addAll(t.alike().getOrDefault(kind, List.of()));
                }
            });
            // a regular expression's replacement may put the match back ($0, \\): nothing is removed then
            if (r.pattern() != Integer.MIN_VALUE && (with.indexOf('$') >= 0 || with.indexOf('\\') >= 0)) removed.clear();
            if (removed.isEmpty() && reopened.isEmpty() && with.chars().noneMatch(t.relevant()::contains)) return;
            Set<Integer> introduced = new TreeSet<>();
            with.chars().forEach(introduced::add);
            removed.removeAll(introduced);
            // the result's labels as earlier stages left them (a sanitizer row may have cleared kinds already)
            Set<String> textBases = new TreeSet<>();
            for (String l : text.labels()) if (Taint.isFlow(l)) textBases.add(Taint.base(l));
            Set<String> fromText = new TreeSet<>();
            Set<String> out = new TreeSet<>();
            for (String l : c.result.labels()) (Taint.isFlow(l) && textBases.contains(Taint.base(l)) ? fromText : out).add(l);
            if (fromText.isEmpty()) return;
            out.addAll(mark(models, reopened.isEmpty() ? fromText : Taint.restore(fromText, reopened), removed, introduced));
            c.result = new Value(c.result.type(), c.result.getSize(), c.result.constants(), c.result.prefix(), c.result.object(),
                    c.result.param(), Collections.unmodifiableSet(out), c.result.origin());
            return;
        }
    }

    /** The text of a constant string or char replacement, or null. */
    private static String constantText(Value v) {
        if (v.constants() == null || v.constants().size() != 1) return null;
        Object o = v.constants().iterator().next();
        if (o instanceof String s) return s;
        if (o instanceof Integer i && v.type() != null && (v.type().getSort() == Type.CHAR || v.type().getSort() == Type.INT)) {
            return String.valueOf((char) (int) i);
        }
        return null;
    }

    /** The one character a constant target is (a one-character string or a char), else nothing. */
    private static Set<Integer> targetCharacter(Value v) {
        Set<Integer> out = new TreeSet<>();
        String s = v == null ? null : constantText(v);
        if (s != null && s.length() == 1) out.add((int) s.charAt(0));
        return out;
    }

    /**
     * One character, escaped character or character class, optionally repeated ({@code +}, {@code *}, {@code ?}, lazy
     * or possessive): every occurrence of a character it matches is inside some match. Longer expressions are not
     * judged (an anchor, a look-around or an alternation may leave an occurrence alone).
     */
    private static final Pattern SINGLE_CHARACTER = Pattern.compile(
            "(?:\\[(?:[^\\[\\]\\\\&]|&(?!&)|\\\\[^pPQE])+]|\\\\[^pPQEbBAzZGkRX0-9]|[^\\\\\\[\\](){}|^$.*+?])[+*?]?[+?]?");

    private static Set<Integer> patternCharacters(Value v, Set<Integer> relevant) {
        Set<Integer> out = new TreeSet<>();
        String regex = v == null ? null : v.singleString();
        if (regex == null || !SINGLE_CHARACTER.matcher(regex).matches()) return out;
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (RuntimeException e) {
            return out;
        }
        // the expression has one character position: matching it against each character alone is bounded
        for (int c : relevant) if (p.matcher(String.valueOf((char) c)).matches()) out.add(c);
        return out;
    }

    /** Marks for the comparisons of a char with constants: the value is none of these characters where the branch is. */
    static Set<Integer> comparedCharacters(Collection<Integer> constants, Models models) {
        Set<Integer> out = new TreeSet<>(constants);
        out.retainAll(relevant(models));
        return out;
    }
}
