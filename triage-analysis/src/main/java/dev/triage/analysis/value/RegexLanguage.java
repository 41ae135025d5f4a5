package dev.triage.analysis.value;

import java.util.BitSet;

/**
 * What a constant regular expression (java.util.regex syntax) lets through when a whole value must match it: an
 * over-approximation of the characters a matching string may contain (ASCII exactly, other characters as one
 * flag), and the literal text every match starts with. It never runs the expression. Anything it does not
 * understand (comments mode, an unknown property) admits every character, so a guard judged on it clears nothing.
 */
public final class RegexLanguage {
    private static final int ASCII = 128;

    private final BitSet chars = new BitSet(ASCII);
    private boolean nonAscii;
    private final String prefix;

    private RegexLanguage(String regex) {
        String p;
        try {
            p = new Parser(regex).parse();
        } catch (RuntimeException e) {
            chars.set(0, ASCII);
            nonAscii = true;
            p = "";
        }
        this.prefix = p;
    }

    public static RegexLanguage of(String regex) {
        return new RegexLanguage(regex);
    }

    /** Whether a matching string may contain this text (every one of its characters is admitted). */
    public boolean admits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ASCII ? !nonAscii : !chars.get(c)) return false;
        }
        return true;
    }

    /** The literal text every match starts with ("" when none). */
    public String prefix() {
        return prefix;
    }

    private final class Parser {
        private final String re;
        private int i;
        private boolean caseInsensitive;
        /** Inside a look-around: what it names is not part of the match. */
        private int lookaround;

        Parser(String re) {
            this.re = re;
        }

        /** Open groups, innermost last: true for a look-around. */
        private final java.util.ArrayDeque<Boolean> groups = new java.util.ArrayDeque<>();

        /** Parses the whole expression, adding admitted characters; returns the literal prefix. */
        String parse() {
            StringBuilder fixed = new StringBuilder();
            boolean prefixOpen = true;
            boolean topLevelAlternation = false;
            while (i < re.length()) {
                char c = re.charAt(i);
                int before = i;
                String literal = null;
                switch (c) {
                    case '\\' -> literal = escape(false, null);
                    case '[' -> {
                        i++;
                        add(charClass());
                    }
                    case '.' -> {
                        i++;
                        all();
                    }
                    case '(' -> {
                        i++;
                        group();
                    }
                    case ')' -> {
                        i++;
                        if (groups.isEmpty()) throw new IllegalArgumentException("unbalanced )");
                        if (groups.pop()) lookaround--;
                    }
                    case '|' -> {
                        i++;
                        if (groups.isEmpty()) topLevelAlternation = true;
                    }
                    case '^', '$' -> i++;
                    case '*', '+', '?' -> {
                        i++;
                        prefixOpen = false;
                        if (i < re.length() && (re.charAt(i) == '?' || re.charAt(i) == '+')) i++;
                    }
                    case '{' -> {
                        int end = re.indexOf('}', i);
                        if (end < 0) throw new IllegalArgumentException("brace");
                        i = end + 1;
                        prefixOpen = false;
                    }
                    default -> {
                        i++;
                        literal = String.valueOf(c);
                        addChar(c);
                    }
                }
                if (prefixOpen) {
                    boolean quantified = i < re.length() && "*+?{".indexOf(re.charAt(i)) >= 0;
                    if (literal != null && groups.isEmpty() && !quantified && !caseInsensitive) {
                        fixed.append(literal);
                    } else if (!(c == '^' && before == 0)) {
                        prefixOpen = false;
                    }
                }
            }
            if (!groups.isEmpty()) throw new IllegalArgumentException("unbalanced (");
            return topLevelAlternation ? "" : fixed.toString();
        }

        /** After '(': the group's kind; an inline flag group ({@code (?i)}) opens none. */
        private void group() {
            if (i >= re.length() || re.charAt(i) != '?') {
                groups.push(false);
                return;
            }
            i++;
            char k = re.charAt(i);
            if (k == ':' || k == '>') {
                i++;
                groups.push(false);
            } else if (k == '=' || k == '!') {
                i++;
                groups.push(true);
                lookaround++;
            } else if (k == '<' && (re.charAt(i + 1) == '=' || re.charAt(i + 1) == '!')) {
                i += 2;
                groups.push(true);
                lookaround++;
            } else if (k == '<') {
                int end = re.indexOf('>', i);
                if (end < 0) throw new IllegalArgumentException("group name");
                i = end + 1;
                groups.push(false);
            } else {
                boolean on = true;
                while (i < re.length() && re.charAt(i) != ')' && re.charAt(i) != ':') {
                    char f = re.charAt(i++);
                    if (f == '-') on = false;
                    else if (f == 'i' && on) caseInsensitive = true;
                    else if (f == 'x' && on) throw new IllegalArgumentException("comments mode");
                }
                if (i >= re.length()) throw new IllegalArgumentException("flags");
                if (re.charAt(i++) == ':') groups.push(false);
            }
        }

        /** An escape outside a class (into {@code into} inside one); returns the literal character it stands for, or null. */
        private String escape(boolean inClass, BitSet into) {
            i++;
            char e = re.charAt(i++);
            BitSet set = new BitSet(ASCII);
            boolean other = false;
            Character literal = null;
            switch (e) {
                case 'd' -> set.set('0', '9' + 1);
                case 'w' -> {
                    set.set('a', 'z' + 1);
                    set.set('A', 'Z' + 1);
                    set.set('0', '9' + 1);
                    set.set('_');
                }
                case 's' -> {
                    for (char s : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) set.set(s);
                }
                case 'h' -> {
                    set.set(' ');
                    set.set('\t');
                    other = true;
                }
                case 'v', 'R' -> {
                    for (char s : new char[] {'\n', 0x0B, '\f', '\r'}) set.set(s);
                    other = true;
                }
                case 'D', 'W', 'S', 'H', 'V', 'X', 'N' -> {
                    set.set(0, ASCII);
                    other = true;
                }
                case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                    if (inClass) throw new IllegalArgumentException("anchor in class");
                    return null;
                }
                case 'p', 'P' -> {
                    String name;
                    if (re.charAt(i) == '{') {
                        int end = re.indexOf('}', i);
                        name = re.substring(i + 1, end);
                        i = end + 1;
                    } else {
                        name = String.valueOf(re.charAt(i++));
                    }
                    other = property(name, set);
                    if (e == 'P') {
                        set.flip(0, ASCII);
                        other = true;
                    }
                }
                case 'Q' -> {
                    int end = re.indexOf("\\E", i);
                    String q = end < 0 ? re.substring(i) : re.substring(i, end);
                    i = end < 0 ? re.length() : end + 2;
                    for (char c : q.toCharArray()) {
                        if (into != null) addTo(into, c);
                        else addChar(c);
                    }
                    return q.length() == 1 ? q : null;
                }
                case 't' -> literal = '\t';
                case 'n' -> literal = '\n';
                case 'r' -> literal = '\r';
                case 'f' -> literal = '\f';
                case 'a' -> literal = 0x07;
                case 'e' -> literal = 0x1B;
                case '0' -> {
                    int v = 0;
                    int n = 0;
                    while (i < re.length() && n < 3 && re.charAt(i) >= '0' && re.charAt(i) <= '7') {
                        v = v * 8 + (re.charAt(i++) - '0');
                        n++;
                    }
                    literal = (char) v;
                }
                case 'x' -> {
                    if (re.charAt(i) == '{') {
                        int end = re.indexOf('}', i);
                        literal = (char) Integer.parseInt(re.substring(i + 1, end), 16);
                        i = end + 1;
                    } else {
                        literal = (char) Integer.parseInt(re.substring(i, i + 2), 16);
                        i += 2;
                    }
                }
                case 'u' -> {
                    literal = (char) Integer.parseInt(re.substring(i, i + 4), 16);
                    i += 4;
                }
                case 'c' -> literal = (char) (re.charAt(i++) ^ 64);
                case 'k' -> {
                    int end = re.indexOf('>', i);
                    i = end + 1;
                    set.set(0, ASCII);
                    other = true;
                }
                default -> {
                    if (e >= '1' && e <= '9') {
                        // a back-reference repeats a group: whatever the groups admit, at most everything
                        set.set(0, ASCII);
                        other = true;
                    } else if (Character.isLetterOrDigit(e)) {
                        throw new IllegalArgumentException("unknown escape \\" + e);
                    } else {
                        literal = e;
                    }
                }
            }
            if (literal != null) {
                if (into != null) addTo(into, literal);
                else addChar(literal);
                return String.valueOf(literal);
            }
            if (into != null) {
                into.or(set);
                if (other) otherInClass = true;
            } else {
                add(new ClassSet(set, other));
            }
            return null;
        }

        private boolean otherInClass;

        /** A known character property: its ASCII members (returns whether it has members beyond ASCII). */
        private boolean property(String name, BitSet set) {
            String n = name.startsWith("Is") ? name.substring(2) : name;
            switch (n) {
                case "Lower", "Ll", "javaLowerCase" -> set.set('a', 'z' + 1);
                case "Upper", "Lu", "javaUpperCase" -> set.set('A', 'Z' + 1);
                case "Alpha", "L", "Letter", "Alphabetic", "javaLetter" -> {
                    set.set('a', 'z' + 1);
                    set.set('A', 'Z' + 1);
                }
                case "Digit", "Nd", "N", "javaDigit" -> set.set('0', '9' + 1);
                case "Alnum", "javaLetterOrDigit" -> {
                    set.set('a', 'z' + 1);
                    set.set('A', 'Z' + 1);
                    set.set('0', '9' + 1);
                }
                case "XDigit" -> {
                    set.set('0', '9' + 1);
                    set.set('a', 'f' + 1);
                    set.set('A', 'F' + 1);
                }
                case "ASCII" -> set.set(0, ASCII);
                default -> {
                    set.set(0, ASCII);
                    return true;
                }
            }
            return !n.equals("XDigit") && !n.equals("ASCII") && !n.equals("Lower") && !n.equals("Upper")
                    && !n.equals("Alpha") && !n.equals("Digit") && !n.equals("Alnum");
        }

        /** A character class after its '['. */
        private ClassSet charClass() {
            boolean negate = false;
            if (i < re.length() && re.charAt(i) == '^') {
                negate = true;
                i++;
            }
            BitSet set = new BitSet(ASCII);
            boolean saved = otherInClass;
            otherInClass = false;
            boolean first = true;
            while (true) {
                char c = re.charAt(i);
                if (c == ']' && !first) {
                    i++;
                    break;
                }
                first = false;
                if (c == '[') {
                    i++;
                    ClassSet inner = charClass();
                    set.or(inner.set);
                    if (inner.other) otherInClass = true;
                } else if (c == '&' && i + 1 < re.length() && re.charAt(i + 1) == '&') {
                    i += 2;
                    ClassSet right;
                    if (re.charAt(i) == '[') {
                        i++;
                        right = charClass();
                        // the rest of the class after the operand
                        ClassSet rest = restOfClass();
                        right = new ClassSet(or(right.set, rest.set), right.other || rest.other);
                    } else {
                        right = restOfClass();
                    }
                    i++; // the class's closing ']'
                    set.and(right.set);
                    boolean other = otherInClass && right.other;
                    otherInClass = saved;
                    return finish(set, other, negate);
                } else {
                    char lo;
                    if (c == '\\') {
                        String lit = escape(true, set);
                        if (lit == null || lit.length() != 1) continue;
                        lo = lit.charAt(0);
                    } else {
                        i++;
                        lo = c;
                        addTo(set, lo);
                    }
                    if (i + 1 < re.length() && re.charAt(i) == '-' && re.charAt(i + 1) != ']') {
                        i++;
                        char hi;
                        if (re.charAt(i) == '\\') {
                            BitSet tmp = new BitSet(ASCII);
                            String lit = escape(true, tmp);
                            if (lit == null) throw new IllegalArgumentException("range");
                            hi = lit.charAt(0);
                        } else {
                            hi = re.charAt(i++);
                        }
                        for (int k = lo; k <= hi; k++) addTo(set, (char) k);
                        if (hi >= ASCII) otherInClass = true;
                    }
                }
            }
            boolean other = otherInClass;
            otherInClass = saved;
            return finish(set, other, negate);
        }

        /** The members of a class from here up to its closing ']', which is left for the caller (an intersection's right side). */
        private ClassSet restOfClass() {
            BitSet set = new BitSet(ASCII);
            boolean saved = otherInClass;
            otherInClass = false;
            while (re.charAt(i) != ']') {
                char c = re.charAt(i);
                if (c == '[') {
                    i++;
                    ClassSet inner = charClass();
                    set.or(inner.set);
                    if (inner.other) otherInClass = true;
                } else if (c == '\\') {
                    escape(true, set);
                } else {
                    i++;
                    if (i + 1 < re.length() && re.charAt(i) == '-' && re.charAt(i + 1) != ']') {
                        char hi = re.charAt(i + 1);
                        i += 2;
                        for (int k = c; k <= hi; k++) addTo(set, (char) k);
                        if (hi >= ASCII) otherInClass = true;
                    } else {
                        addTo(set, c);
                    }
                }
            }
            boolean other = otherInClass;
            otherInClass = saved;
            return new ClassSet(set, other);
        }

        private ClassSet finish(BitSet set, boolean other, boolean negate) {
            if (negate) {
                BitSet n = new BitSet(ASCII);
                n.set(0, ASCII);
                n.andNot(set);
                return new ClassSet(n, true);
            }
            return new ClassSet(set, other);
        }

        private BitSet or(BitSet a, BitSet b) {
            BitSet r = (BitSet) a.clone();
            r.or(b);
            return r;
        }

        private void addTo(BitSet set, char c) {
            if (c >= ASCII) {
                otherInClass = true;
                return;
            }
            set.set(c);
            if (caseInsensitive && Character.isLetter(c)) {
                set.set(Character.toLowerCase(c));
                set.set(Character.toUpperCase(c));
            }
        }

        private void addChar(char c) {
            if (lookaround > 0) return;
            if (c >= ASCII) {
                nonAscii = true;
                return;
            }
            chars.set(c);
            if (caseInsensitive && Character.isLetter(c)) {
                chars.set(Character.toLowerCase(c));
                chars.set(Character.toUpperCase(c));
            }
        }

        private void add(ClassSet cs) {
            if (lookaround > 0) return;
            chars.or(cs.set);
            if (cs.other) nonAscii = true;
        }

        private void all() {
            if (lookaround > 0) return;
            chars.set(0, ASCII);
            nonAscii = true;
        }
    }

    private record ClassSet(BitSet set, boolean other) {
    }
}
