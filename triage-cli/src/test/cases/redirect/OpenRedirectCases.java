package corpus.redirect;

import org.owasp.encoder.Encode;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Post-login and post-booking redirects of the patient portal (javax.servlet). */
public class OpenRedirectCases {
    private static final Set<String> PAGES = Set.of("/portal/home", "/portal/appointments", "/portal/results");
    private HttpServletResponse resp;

    public OpenRedirectCases(HttpServletResponse resp) {
        this.resp = resp;
    }

    public void badDirect(HttpServletRequest req) throws Exception {
        String next = req.getParameter("next");
        resp.sendRedirect(next); // BUG: java/open-redirect
    }

    public void badReferer(HttpServletRequest req) throws Exception {
        resp.sendRedirect(req.getHeader("Referer")); // BUG: java/open-redirect
    }

    public void badTargetWithQuerySuffix(HttpServletRequest req) throws Exception {
        String returnTo = req.getParameter("returnTo");
        resp.sendRedirect(returnTo + "?booked=1"); // BUG: java/open-redirect
    }

    public void goodAllowList(HttpServletRequest req) throws Exception {
        String next = req.getParameter("next");
        if (!PAGES.contains(next)) next = "/portal/home";
        resp.sendRedirect(next);
    }

    /** The request value only fills an encoded query parameter of a fixed path. */
    public void goodEncodedQueryValue(HttpServletRequest req) throws Exception {
        String q = URLEncoder.encode(req.getParameter("q"), StandardCharsets.UTF_8);
        resp.sendRedirect("/portal/search?q=" + q);
    }

    public void goodNumeric(HttpServletRequest req) throws Exception {
        int appt = Integer.parseInt(req.getParameter("appt"));
        resp.sendRedirect("/portal/appointments/" + appt);
    }

    /** HTML encoding leaves https://evil.example unchanged. */
    public void badHtmlEncoded(HttpServletRequest req) throws Exception {
        resp.sendRedirect(Encode.forHtml(req.getParameter("next"))); // BUG: java/open-redirect
    }

    public void badDecodedSubstring(HttpServletRequest req) throws Exception {
        String state = URLDecoder.decode(req.getQueryString(), StandardCharsets.UTF_8);
        String target = state.substring(state.indexOf("next=") + 5).split("&")[0];
        resp.sendRedirect(target); // BUG: java/open-redirect
    }

    public void goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("next");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "/portal/home" : param;
        resp.sendRedirect(bar);
    }

    public void badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("next");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "/portal/home" : param;
        resp.sendRedirect(bar); // BUG: java/open-redirect
    }

    public void goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("next");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "/portal/home"; break;
            default: bar = param; break;
        }
        resp.sendRedirect(bar);
    }

    public void badSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("next");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "/portal/home"; break;
            case 'B': bar = param; break;
            default: bar = "/portal/home"; break;
        }
        resp.sendRedirect(bar); // BUG: java/open-redirect
    }

    public void goodMapConstantKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "/portal/home");
        map.put("keyB", req.getParameter("next"));
        String bar = map.get("keyA");
        resp.sendRedirect(bar);
    }

    public void badMapTaintedKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "/portal/home");
        map.put("keyB", req.getParameter("next"));
        String bar = map.get("keyB");
        resp.sendRedirect(bar); // BUG: java/open-redirect
    }

    public void goodListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("next"));
        list.add("/portal/home");
        list.remove(0);
        String bar = list.get(1);
        resp.sendRedirect(bar);
    }

    public void badListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("next"));
        list.add("/portal/home");
        list.remove(0);
        String bar = list.get(0);
        resp.sendRedirect(bar); // BUG: java/open-redirect
    }
}
