package corpus.headerinjection;

import org.apache.commons.text.StringEscapeUtils;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/** Download and tracing headers of the records service (javax.servlet). */
public class HeaderInjectionCases {
    private static final Set<String> LANGS = Set.of("en", "es", "fr");
    private HttpServletResponse resp;

    public HeaderInjectionCases(HttpServletResponse resp) {
        this.resp = resp;
    }

    public void badDirect(HttpServletRequest req) {
        String name = req.getParameter("file");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\""); // BUG: java/header-injection
    }

    public void badAddHeaderFromParameter(HttpServletRequest req) {
        resp.addHeader("X-Correlation-Id", req.getParameter("requestId")); // BUG: java/header-injection
    }

    public void badHeaderName(HttpServletRequest req) {
        resp.setHeader("X-Portal-" + req.getParameter("h"), "1"); // BUG: java/header-injection
    }

    public void goodUrlEncoded(HttpServletRequest req) {
        String name = URLEncoder.encode(req.getParameter("file"), StandardCharsets.UTF_8);
        resp.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + name);
    }

    public void goodNumeric(HttpServletRequest req) {
        long visit = Long.parseLong(req.getParameter("visit"));
        resp.setHeader("X-Visit", String.valueOf(visit));
    }

    public void goodAllowList(HttpServletRequest req) {
        String lang = req.getParameter("lang");
        if (!LANGS.contains(lang)) return;
        resp.setHeader("Content-Language", lang);
    }

    public void goodNewlinesRemoved(HttpServletRequest req) {
        String ref = req.getParameter("ref").replaceAll("[\r\n]", "");
        resp.setHeader("X-Referral", ref);
    }

    /** HTML escaping keeps CR and LF. */
    public void badHtmlEscaped(HttpServletRequest req) {
        resp.setHeader("X-Patient-Name", StringEscapeUtils.escapeHtml4(req.getParameter("name"))); // BUG: java/header-injection
    }

    public void badBase64DecodedBuilder(HttpServletRequest req) {
        String raw = new String(Base64.getDecoder().decode(req.getParameter("t")), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("trace=").append(raw.toLowerCase());
        resp.addHeader("X-Trace", sb.toString()); // BUG: java/header-injection
    }

    public void goodDeadBranch(HttpServletRequest req)  {
        String param = req.getParameter("ref");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "portal" : param;
        resp.setHeader("X-Referral", bar);
    }

    public void badLiveBranch(HttpServletRequest req)  {
        String param = req.getParameter("ref");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "portal" : param;
        resp.setHeader("X-Referral", bar); // BUG: java/header-injection
    }

    public void goodSwitchKnownValue(HttpServletRequest req)  {
        String param = req.getParameter("ref");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "portal"; break;
            default: bar = param; break;
        }
        resp.setHeader("X-Referral", bar);
    }

    public void badSwitchKnownValue(HttpServletRequest req)  {
        String param = req.getParameter("ref");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "portal"; break;
            case 'B': bar = param; break;
            default: bar = "portal"; break;
        }
        resp.setHeader("X-Referral", bar); // BUG: java/header-injection
    }

    public void goodMapConstantKey(HttpServletRequest req)  {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "portal");
        map.put("keyB", req.getParameter("ref"));
        String bar = map.get("keyA");
        resp.setHeader("X-Referral", bar);
    }

    public void badMapTaintedKey(HttpServletRequest req)  {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "portal");
        map.put("keyB", req.getParameter("ref"));
        String bar = map.get("keyB");
        resp.setHeader("X-Referral", bar); // BUG: java/header-injection
    }

    public void goodListAfterRemoval(HttpServletRequest req)  {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("ref"));
        list.add("portal");
        list.remove(0);
        String bar = list.get(1);
        resp.setHeader("X-Referral", bar);
    }

    public void badListAfterRemoval(HttpServletRequest req)  {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("ref"));
        list.add("portal");
        list.remove(0);
        String bar = list.get(0);
        resp.setHeader("X-Referral", bar); // BUG: java/header-injection
    }
}
