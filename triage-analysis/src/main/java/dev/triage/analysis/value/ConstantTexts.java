package dev.triage.analysis.value;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The texts a value may hold as far as constants tell: its own string constants, or the constant elements of an
 * array or list made in view (a varargs {@code String...} argument, {@code List.of("*")}). Configuration APIs take
 * their patterns and names this way; a condition on such an argument asks whether one of its texts matches.
 */
public final class ConstantTexts {
    private ConstantTexts() {
    }

    /** The known texts (empty when none is known). Unknown elements are left out: they hold nothing we can match. */
    public static Set<String> of(Value v) {
        Set<String> out = new TreeSet<>();
        if (v == null) return out;
        Set<String> s = v.strings();
        if (s != null) {
            out.addAll(s);
            return out;
        }
        AbstractObject o = v.object();
        if (o == null || o.escaped()) return out;
        String prefix = "array".equals(o.kind()) ? "e" : "list".equals(o.kind()) ? "i" : null;
        if (prefix == null) return out;
        for (int i = 0; i < 64; i++) {
            if (!(o.get(prefix + i) instanceof Value e)) continue;
            Set<String> es = e.strings();
            if (es != null) out.addAll(es);
        }
        return out;
    }

    /** One text of the value matches the pattern in full. */
    public static boolean anyMatches(String pattern, Value v) {
        Pattern p = Pattern.compile(pattern);
        for (String t : of(v)) if (p.matcher(t).matches()) return true;
        return false;
    }
}
