package corpus.formatstring;

import javax.servlet.http.HttpServletRequest;
import java.util.Formatter;
import java.util.Locale;
import java.util.Set;

/** Report titles and console diagnostics of the billing service: the format string must stay the app's. */
public class FormatStringCases {
    private static final String TITLE = "Invoice for %s (%d items)";
    private static final Set<String> STYLES = Set.of("%s", "[%s]");

    public String badFormat(HttpServletRequest req) {
        String title = req.getParameter("title");
        return String.format(title, "patient", 3); // BUG: java/format-string-injection
    }

    public String badLocaleFormatConcatenated(HttpServletRequest req) {
        String prefix = req.getParameter("prefix");
        return String.format(Locale.ROOT, prefix + " %s", "invoice"); // BUG: java/format-string-injection
    }

    public void badPrintf(HttpServletRequest req) {
        String data = req.getParameter("data");
        System.out.printf(data + "%n"); // BUG: java/format-string-injection
    }

    public String badFormatter(HttpServletRequest req) {
        StringBuilder sb = new StringBuilder();
        Formatter f = new Formatter(sb);
        f.format(req.getHeader("X-Report-Format"), 42); // BUG: java/format-string-injection
        return sb.toString();
    }

    public String badFormatted(HttpServletRequest req) {
        return req.getParameter("pattern").formatted("note"); // BUG: java/format-string-injection
    }

    public String badThroughHelper(HttpServletRequest req) {
        return render(req.getParameter("title"), "patient");
    }

    private static String render(String format, String who) {
        return String.format(format, who); // BUG: java/format-string-injection
    }

    public String goodAsArgument(HttpServletRequest req) {
        return String.format("%s", req.getParameter("title"));
    }

    public void goodPrintfArgument(HttpServletRequest req) {
        System.out.printf("%s%n", req.getParameter("data"));
    }

    public String goodConstantFormat(HttpServletRequest req) {
        return String.format(Locale.ROOT, TITLE, req.getParameter("who"), 3);
    }

    public String goodPercentDoubled(HttpServletRequest req) {
        String prefix = req.getParameter("prefix").replace("%", "%%");
        return String.format(prefix + " %s", "invoice");
    }

    public String goodAllowList(HttpServletRequest req) {
        String style = req.getParameter("style");
        if (!STYLES.contains(style)) style = "%s";
        return String.format(style, "invoice");
    }

    public String goodPatternChecked(HttpServletRequest req) {
        String prefix = req.getParameter("prefix");
        if (!prefix.matches("[A-Za-z ]{1,20}")) return "";
        return String.format(prefix + ": %s", "invoice");
    }

    public String goodNumber(HttpServletRequest req) {
        int width = Integer.parseInt(req.getParameter("width"));
        return String.format("%" + width + "s", "invoice");
    }
}
