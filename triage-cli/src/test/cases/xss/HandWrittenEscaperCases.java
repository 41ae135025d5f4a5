package corpus.xss;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A patient-portal page that escapes with the app's own helpers instead of a library encoder. An escaper is judged
 * by what its code does to the characters of its argument, never by its name: one that replaces or drops every
 * character that opens markup or ends a quoted attribute value ({@code <}, {@code "}, {@code '}) returns text that
 * is safe in element content and in quoted attributes; one that leaves any of them raw is no sanitizer.
 */
public class HandWrittenEscaperCases {

    /** All five HTML metacharacters, ampersand first (chained String.replace). */
    static String escapeChained(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** Misses the less-than sign: a tag opens. */
    static String escapeWithoutLessThan(String s) {
        return s.replace("&", "&amp;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** One character at a time, the escaped ones by a switch; non-ASCII as numeric references. */
    static String escapeSwitch(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#x27;"); break;
                default:
                    if (c > 0x7e) b.append("&#").append((int) c).append(';');
                    else b.append(c);
            }
        }
        return b.toString();
    }

    /** The same loop with the less-than case forgotten. */
    static String escapeSwitchWithoutLessThan(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    /** An if/else chain over charAt. */
    static String escapeIfChain(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') b.append("&lt;");
            else if (c == '>') b.append("&gt;");
            else if (c == '"') b.append("&quot;");
            else if (c == '\'') b.append("&#39;");
            else if (c == '&') b.append("&amp;");
            else b.append(c);
        }
        return b.toString();
    }

    /** Angle brackets only: safe between tags, not inside a quoted attribute value. */
    static String escapeAngleBracketsOnly(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') b.append("&lt;");
            else if (c == '>') b.append("&gt;");
            else b.append(c);
        }
        return b.toString();
    }

    /** Drops every metacharacter (a character class). */
    static String stripMarkup(String s) {
        return s.replaceAll("[<>\"'&]", "");
    }

    /** Keeps only letters, digits, spaces and a little punctuation (a negated class). */
    static String keepPlainText(String s) {
        return s.replaceAll("[^\\w\\s.,-]+", "");
    }

    /** Drops script tags only: any other tag (an img with onerror) gets through. */
    static String stripScriptTags(String s) {
        return s.replaceAll("(?i)<script>", "");
    }

    /** Named like an escaper, but only trims. */
    static String htmlEscape(String s) {
        return s.trim();
    }

    /** Escapes, then throws the escaped text away (String is immutable). */
    static String escapeIgnoringResult(String s) {
        s.replace("<", "&lt;").replace("\"", "&quot;").replace("'", "&#39;");
        return s;
    }

    public void goodChained(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print("<p class=\"note\">" + escapeChained(req.getParameter("note")) + "</p>");
    }

    public void badChainedWithoutLessThan(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print("<p class=\"note\">" + escapeWithoutLessThan(req.getParameter("note")) + "</p>"); // BUG: java/xss
    }

    public void goodSwitch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter out = resp.getWriter();
        out.print("<input name=\"allergy\" value=\"" + escapeSwitch(req.getParameter("allergy")) + "\">");
    }

    public void badSwitchWithoutLessThan(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter out = resp.getWriter();
        out.print("<td>" + escapeSwitchWithoutLessThan(req.getParameter("allergy")) + "</td>"); // BUG: java/xss
    }

    public void goodIfChain(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<span title='" + escapeIfChain(req.getParameter("ward")) + "'>ward</span>");
    }

    public void badAngleBracketsOnlyInAttribute(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<span title='" + escapeAngleBracketsOnly(req.getParameter("ward")) + "'>ward</span>"); // BUG: java/xss
    }

    public void goodStripped(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<h3>" + stripMarkup(req.getParameter("title")) + "</h3>");
    }

    public void goodPlainTextKept(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<h3 title=\"" + keepPlainText(req.getParameter("title")) + "\">x</h3>");
    }

    public void badScriptTagsStripped(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<h3>" + stripScriptTags(req.getParameter("title")) + "</h3>"); // BUG: java/xss
    }

    public void badNamedLikeAnEscaper(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<h3>" + htmlEscape(req.getParameter("title")) + "</h3>"); // BUG: java/xss
    }

    public void badEscapedTextDiscarded(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<h3>" + escapeIgnoringResult(req.getParameter("title")) + "</h3>"); // BUG: java/xss
    }

    /** Escaped first, then line breaks turned into markup the code chose. */
    public void goodEscapedThenLineBreaks(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String comment = escapeChained(req.getParameter("comment")).replace("\n", "<br>");
        resp.getWriter().println("<div>" + comment + "</div>");
    }

    /** Line breaks turned into markup first, then escaped: the page shows "&lt;br&gt;", but no tag of the sender's. */
    public void goodLineBreaksThenEscaped(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<div>" + escapeIfChain(req.getParameter("comment").replace("\n", "<br>")) + "</div>");
    }

    /** The escaper's output joined with raw input: the raw part is still the sender's. */
    public void badEscapedJoinedWithRaw(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<div>" + escapeSwitch(req.getParameter("comment")) + req.getParameter("signature") + "</div>"); // BUG: java/xss
    }

    /** Escaped, then the entities turned back into markup "for display": the sender's tags are live again. */
    public void badEscapedThenUnescaped(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String comment = escapeChained(req.getParameter("comment")).replace("&lt;", "<").replace("&gt;", ">");
        resp.getWriter().println("<div>" + comment + "</div>"); // BUG: java/xss
    }

    /** A library encoder's output unescaped the same way. */
    public void badEncoderOutputUnescaped(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String comment = org.owasp.encoder.Encode.forHtml(req.getParameter("comment")).replace("&#39;", "'");
        resp.getWriter().println("<div title='" + comment + "'>note</div>"); // BUG: java/xss
    }

    /** An escaper of another class, called on an instance. */
    public void goodInstanceEscaper(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().println("<li>" + new MarkupEscaper().escape(req.getParameter("medication")) + "</li>");
    }

    static final class MarkupEscaper {
        String escape(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '&' -> b.append("&amp;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&apos;");
                    default -> b.append(c);
                }
            }
            return b.toString();
        }
    }
}
