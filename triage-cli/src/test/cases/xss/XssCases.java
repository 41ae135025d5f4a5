package corpus.xss;

import org.apache.commons.text.StringEscapeUtils;
import org.owasp.encoder.Encode;
import org.owasp.esapi.ESAPI;
import org.owasp.esapi.codecs.OracleCodec;
import org.springframework.web.util.HtmlUtils;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Patient-facing pages of the appointment portal (javax.servlet). */
public class XssCases {

    public void badDirect(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String name = req.getParameter("name");
        resp.getWriter().print("<h1>Welcome, " + name + "</h1>"); // BUG: java/xss
    }

    public void badHeaderEchoed(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        PrintWriter out = resp.getWriter();
        out.println("<p>Referred by " + req.getHeader("Referer") + "</p>"); // BUG: java/xss
    }

    public void badWriteChars(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String note = req.getParameter("note");
        resp.getWriter().write(note); // BUG: java/xss
    }

    public void badOutputStream(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        resp.getOutputStream().print("<div>" + req.getParameter("clinic") + "</div>"); // BUG: java/xss
    }

    public void goodOwaspEncoder(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        resp.getWriter().print("<h1>Welcome, " + Encode.forHtml(req.getParameter("name")) + "</h1>");
    }

    public void goodSpringHtmlEscape(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        resp.getWriter().print("<p>" + HtmlUtils.htmlEscape(req.getParameter("note")) + "</p>");
    }

    public void goodCommonsTextEscape(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        resp.getWriter().print("<p>" + StringEscapeUtils.escapeHtml4(req.getParameter("note")) + "</p>");
    }

    public void goodEsapiHtml(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        resp.getWriter().print("<p>" + ESAPI.encoder().encodeForHTML(req.getParameter("note")) + "</p>");
    }

    public void goodNumeric(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        int slots = Integer.parseInt(req.getParameter("slots"));
        resp.getWriter().print("<p>" + slots + " free slots</p>");
    }

    /** SQL encoding does not stop markup. */
    public void badSqlEncoded(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String name = ESAPI.encoder().encodeForSQL(new OracleCodec(), req.getParameter("name"));
        resp.getWriter().print("<h1>" + name + "</h1>"); // BUG: java/xss
    }

    /** Removing new lines is a log-forging fix, not an HTML one. */
    public void badNewlinesRemoved(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String name = req.getParameter("name").replaceAll("[\r\n]", "");
        resp.getWriter().print("<h1>" + name + "</h1>"); // BUG: java/xss
    }

    public void badStringManipulation(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String raw = new String(Base64.getDecoder().decode(req.getParameter("msg")), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        sb.append("<ul>");
        for (String part : raw.split(";")) sb.append("<li>").append(part.toUpperCase()).append("</li>");
        resp.getWriter().print(sb.append("</ul>")); // BUG: java/xss
    }

    public void badFormat(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        resp.getWriter().printf("<span>%s</span>", req.getParameter("doctor")); // BUG: java/xss
    }

    public void goodDeadBranch(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String param = req.getParameter("name");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "guest" : param;
        resp.getWriter().print("<h1>" + bar + "</h1>");
    }

    public void badLiveBranch(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String param = req.getParameter("name");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "guest" : param;
        resp.getWriter().print("<h1>" + bar + "</h1>"); // BUG: java/xss
    }

    public void goodSwitchKnownValue(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String param = req.getParameter("name");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'C': bar = "guest"; break;
            default: bar = param; break;
        }
        resp.getWriter().print("<h1>" + bar + "</h1>");
    }

    public void goodMapConstantKey(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "guest");
        m.put("keyB", req.getParameter("name"));
        resp.getWriter().print("<h1>" + m.get("keyA") + "</h1>");
    }

    public void badMapTaintedKey(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "guest");
        m.put("keyB", req.getParameter("name"));
        resp.getWriter().print("<h1>" + m.get("keyB") + "</h1>"); // BUG: java/xss
    }

    public void goodListAfterRemoval(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("name"));
        l.add("moresafe");
        l.remove(0);
        resp.getWriter().print(l.get(1));
    }

    public void badListAfterRemoval(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("name"));
        l.add("moresafe");
        l.remove(0);
        resp.getWriter().print(l.get(0)); // BUG: java/xss
    }
}
