package dev.triage.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line of every start tag of an XML text, in document order. aapt2 records the line where a
 * start tag begins (its {@code <}); pull parsers report the line where it ends, so the lines are taken
 * from the text itself. DOCTYPE declarations are refused, like in Triage's own parsers.
 */
final class XmlLines {
    private XmlLines() {}

    static List<Integer> startTagLines(String text) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            if (c != '<') continue;
            String skipTo = null;
            if (text.startsWith("<!--", i)) skipTo = "-->";
            else if (text.startsWith("<![CDATA[", i)) skipTo = "]]>";
            else if (text.startsWith("<?", i)) skipTo = "?>";
            else if (text.startsWith("<!", i)) throw new IllegalArgumentException("DOCTYPE and other declarations are not supported in test XML (line " + line + ")");
            if (skipTo != null) {
                int end = text.indexOf(skipTo, i);
                if (end < 0) throw new IllegalArgumentException("unterminated markup at line " + line);
                for (int k = i; k < end; k++) if (text.charAt(k) == '\n') line++;
                i = end + skipTo.length() - 1;
                continue;
            }
            if (i + 1 < n && text.charAt(i + 1) != '/') lines.add(line);
        }
        return lines;
    }
    private static final java.util.regex.Pattern TOOLS_ATTR = java.util.regex.Pattern.compile(
            "\\s(?:xmlns:)?tools(?::[\\w.-]+)?\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    /**
     * Removes {@code tools:} attributes and the {@code xmlns:tools} declaration, as aapt2 does, keeping every
     * newline so that line numbers do not move.
     */
    static String stripToolsAttributes(String text) {
        if (!text.contains("tools")) return text;
        java.util.regex.Matcher m = TOOLS_ATTR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String matched = m.group();
            StringBuilder keep = new StringBuilder(" ");
            for (int i = 0; i < matched.length(); i++) if (matched.charAt(i) == '\n') keep.append('\n');
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(keep.toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
