package corpus.ssrf;

import javax.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.net.URL;
import java.util.Set;

/**
 * A referral link a partner clinic submits: parsed only to read its host (to show it, or to check it against the
 * partners' list) it connects nowhere; opened, it is a request the attacker aims.
 */
public class UrlPartsCases {
    private static final Set<String> PARTNERS = Set.of("referrals.clinic-a.example", "referrals.clinic-b.example");

    public String goodHostOnly(HttpServletRequest req) throws Exception {
        return new URL(req.getParameter("link")).getHost();
    }

    public boolean goodPartsChecked(HttpServletRequest req) throws Exception {
        URL u = new URL(req.getParameter("link"));
        return "https".equals(u.getProtocol()) && PARTNERS.contains(u.getHost()) && u.getPort() == -1;
    }

    public InputStream badOpened(HttpServletRequest req) throws Exception {
        URL u = new URL(req.getParameter("link")); // BUG: java/ssrf
        String host = u.getHost();
        return host.isEmpty() ? null : u.openStream();
    }

    /** The URL leaves the method: whoever receives it may open it. */
    public URL badReturned(HttpServletRequest req) throws Exception {
        return new URL(req.getParameter("link")); // BUG: java/ssrf
    }
}
