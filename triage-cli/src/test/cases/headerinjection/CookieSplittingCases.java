package corpus.headerinjection;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Language and return-page cookies and redirect headers of the portal (javax.servlet): response splitting. */
public class CookieSplittingCases {
    private static final Set<String> LANGS = Set.of("en", "es", "fr");

    private static Cookie flagged(Cookie c) {
        c.setSecure(true);
        c.setHttpOnly(true);
        return c;
    }

    public void badCookieValue(HttpServletRequest req, HttpServletResponse resp) {
        String lang = req.getParameter("lang");
        Cookie cookie = flagged(new Cookie("lang", lang));
        resp.addCookie(cookie); // BUG: java/header-injection
    }

    public void badCookieSetValue(HttpServletRequest req, HttpServletResponse resp) {
        Cookie cookie = flagged(new Cookie("returnTo", "/home"));
        cookie.setValue("/records?id=" + req.getParameter("id"));
        resp.addCookie(cookie); // BUG: java/header-injection
    }

    public void badLocationSetHeader(HttpServletRequest req, HttpServletResponse resp) {
        String lang = req.getParameter("lang");
        resp.setHeader("Location", "/author.jsp?lang=" + lang); // BUG: java/header-injection
    }

    public void badLocationAddHeader(HttpServletRequest req, HttpServletResponse resp) {
        String lang = req.getParameter("lang");
        resp.addHeader("Location", "/author.jsp?lang=" + lang); // BUG: java/header-injection
    }

    public void badCookieFromHelper(HttpServletRequest req, HttpServletResponse resp) {
        addPreference(resp, "theme", req.getParameter("theme"));
    }

    private static void addPreference(HttpServletResponse resp, String name, String value) {
        Cookie c = new Cookie(name, value);
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c); // BUG: java/header-injection
    }

    public void goodCookieEncoded(HttpServletRequest req, HttpServletResponse resp) throws UnsupportedEncodingException {
        String lang = URLEncoder.encode(req.getParameter("lang"), "UTF-8");
        resp.addCookie(flagged(new Cookie("lang", lang)));
    }

    public void goodCookieConstant(HttpServletResponse resp) {
        resp.addCookie(flagged(new Cookie("lang", "en")));
    }

    public void goodCookieNumber(HttpServletRequest req, HttpServletResponse resp) {
        int page = Integer.parseInt(req.getParameter("page"));
        resp.addCookie(flagged(new Cookie("page", String.valueOf(page))));
    }

    public void goodCookieAllowList(HttpServletRequest req, HttpServletResponse resp) {
        String lang = req.getParameter("lang");
        if (!LANGS.contains(lang)) return;
        resp.addCookie(flagged(new Cookie("lang", lang)));
    }

    public void goodCookieNewlinesRemoved(HttpServletRequest req, HttpServletResponse resp) {
        String theme = req.getParameter("theme").replaceAll("[\r\n]", "");
        resp.addCookie(flagged(new Cookie("theme", theme)));
    }

    public void goodLocationEncoded(HttpServletRequest req, HttpServletResponse resp) {
        String lang = URLEncoder.encode(req.getParameter("lang"), StandardCharsets.UTF_8);
        resp.setHeader("Location", "/author.jsp?lang=" + lang);
    }

    public void goodCookieEchoed(HttpServletRequest req, HttpServletResponse resp) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) return;
        for (Cookie c : cookies) {
            if ("lang".equals(c.getName())) resp.addCookie(flagged(new Cookie("lang", c.getValue())));
        }
    }
}
