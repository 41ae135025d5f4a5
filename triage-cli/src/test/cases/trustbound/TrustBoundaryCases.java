package corpus.trustbound;

import org.owasp.encoder.Encode;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Login and patient-context handling of the portal (javax.servlet). */
public class TrustBoundaryCases {
    private static final Set<String> ROLES = Set.of("patient", "proxy", "clinician");

    public void badDirect(HttpServletRequest req) {
        String role = req.getParameter("role");
        req.getSession().setAttribute("role", role); // BUG: java/trust-boundary-violation
    }

    public void badHeader(HttpServletRequest req) {
        HttpSession s = req.getSession(true);
        s.setAttribute("onBehalfOf", req.getHeader("X-Proxy-For")); // BUG: java/trust-boundary-violation
    }

    public void badAttributeName(HttpServletRequest req) {
        String pref = req.getParameter("pref");
        req.getSession().setAttribute("pref." + pref, Boolean.TRUE); // BUG: java/trust-boundary-violation
    }

    public void goodNumeric(HttpServletRequest req) {
        int patientId = Integer.parseInt(req.getParameter("patientId"));
        req.getSession().setAttribute("patientId", patientId);
    }

    public void goodAllowList(HttpServletRequest req) {
        String role = req.getParameter("role");
        if (!ROLES.contains(role)) return;
        req.getSession().setAttribute("role", role);
    }

    public void goodFixedValue(HttpServletRequest req) {
        req.getParameter("role");
        req.getSession().setAttribute("role", "patient");
    }

    /** HTML encoding does not make the value trustworthy. */
    public void badHtmlEncoded(HttpServletRequest req) {
        req.getSession().setAttribute("displayName", Encode.forHtml(req.getParameter("name"))); // BUG: java/trust-boundary-violation
    }

    public void badStringManipulation(HttpServletRequest req) {
        String[] parts = req.getParameter("ctx").split(":");
        String clinic = parts[0].trim().toUpperCase();
        req.getSession().setAttribute("clinic", String.format("%s-%s", clinic, "MAIN")); // BUG: java/trust-boundary-violation
    }

    public void goodDeadBranch(HttpServletRequest req) {
        String param = req.getParameter("role");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "patient" : param;
        req.getSession().setAttribute("role", bar);
    }

    public void badLiveBranch(HttpServletRequest req) {
        String param = req.getParameter("role");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "patient" : param;
        req.getSession().setAttribute("role", bar); // BUG: java/trust-boundary-violation
    }

    public void goodSwitchKnownValue(HttpServletRequest req) {
        String param = req.getParameter("role");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'C': bar = "patient"; break;
            default: bar = param; break;
        }
        req.getSession().setAttribute("role", bar);
    }

    public void goodMapConstantKey(HttpServletRequest req) {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "patient");
        m.put("keyB", req.getParameter("role"));
        req.getSession().setAttribute("role", m.get("keyA"));
    }

    public void badMapTaintedKey(HttpServletRequest req) {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "patient");
        m.put("keyB", req.getParameter("role"));
        req.getSession().setAttribute("role", m.get("keyB")); // BUG: java/trust-boundary-violation
    }

    public void goodListAfterRemoval(HttpServletRequest req) {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("role"));
        l.add("moresafe");
        l.remove(0);
        req.getSession().setAttribute("role", l.get(1));
    }

    public void badListAfterRemoval(HttpServletRequest req) {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("role"));
        l.add("moresafe");
        l.remove(0);
        req.getSession().setAttribute("role", l.get(0)); // BUG: java/trust-boundary-violation
    }
}
