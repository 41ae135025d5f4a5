package corpus.cmdi;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connectivity checks of lab instruments by host name: allow-list regular expressions real code writes before a
 * command, judged by what they let through (a shell metacharacter, a space), not by being there.
 */
public class RegexGuardCases {
    private static final Pattern HOST = Pattern.compile("[a-zA-Z0-9.-]{1,253}");
    private static final String HOST_RE = "^[\\w.-]+$";

    public Process goodStringMatches(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        if (!host.matches("[a-zA-Z0-9.-]+")) throw new IllegalArgumentException("bad host");
        return Runtime.getRuntime().exec("ping -c 1 " + host);
    }

    public Process goodCompiledPattern(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        if (!HOST.matcher(host).matches()) throw new IllegalArgumentException("bad host");
        return Runtime.getRuntime().exec("ping -c 1 " + host);
    }

    public Process goodPatternMatchesConstant(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        if (!Pattern.matches(HOST_RE, host)) return null;
        return Runtime.getRuntime().exec(new String[] {"sh", "-c", "ping -c 1 " + host});
    }

    /** The allow-list lets ';' through: "lab1;rm -rf /" matches it. */
    public Process badRegexAdmitsSemicolon(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        if (!host.matches("[a-zA-Z0-9.;_-]+")) throw new IllegalArgumentException("bad host");
        return Runtime.getRuntime().exec("ping -c 1 " + host); // BUG: java/command-injection
    }

    /** A space lets a second argument in. */
    public Process badRegexAdmitsSpace(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        if (!host.matches("[\\w. -]+")) throw new IllegalArgumentException("bad host");
        return Runtime.getRuntime().exec("ping -c 1 " + host); // BUG: java/command-injection
    }

    /** find() matches a part: "lab1;reboot" contains a match. */
    public Process badFindNotMatches(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        Matcher m = HOST.matcher(host);
        if (!m.find()) throw new IllegalArgumentException("bad host");
        return Runtime.getRuntime().exec("ping -c 1 " + host); // BUG: java/command-injection
    }

    public Process badSuffixOnly(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        if (!host.matches(".*\\.lab\\.example\\.org")) throw new IllegalArgumentException("bad host");
        return Runtime.getRuntime().exec("ping -c 1 " + host); // BUG: java/command-injection
    }

    // ---- helpers that check for their callers

    private static boolean isHostName(String s) {
        return s != null && !s.isEmpty() && s.matches("[a-zA-Z0-9.-]+");
    }

    public Process goodHelperBoolean(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        if (!isHostName(host)) return null;
        return Runtime.getRuntime().exec("ping -c 1 " + host);
    }

    private static void requireHostName(String s) {
        if (!HOST.matcher(s).matches()) throw new IllegalArgumentException("bad host");
    }

    public Process goodHelperThrows(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        requireHostName(host);
        return Runtime.getRuntime().exec("ping -c 1 " + host);
    }

    /** The helper's result is ignored: the command runs either way. */
    public Process badHelperResultIgnored(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        isHostName(host);
        return Runtime.getRuntime().exec("ping -c 1 " + host); // BUG: java/command-injection
    }
}
