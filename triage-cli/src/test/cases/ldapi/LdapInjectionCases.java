package corpus.ldapi;

import org.owasp.encoder.Encode;
import org.owasp.esapi.ESAPI;

import javax.naming.NamingEnumeration;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Clinician directory look-ups against the hospital LDAP (javax.servlet). */
public class LdapInjectionCases {
    private static final String PEOPLE = "ou=people,dc=riverside,dc=org";
    private final DirContext ctx;
    private final SearchControls sc = new SearchControls();

    public LdapInjectionCases(DirContext ctx) {
        this.ctx = ctx;
    }

    public NamingEnumeration<SearchResult> badDirect(HttpServletRequest req) throws Exception {
        String user = req.getParameter("user");
        return ctx.search(PEOPLE, "(&(objectClass=person)(uid=" + user + "))", sc); // BUG: java/ldap-injection
    }

    public NamingEnumeration<SearchResult> badDnFromHeader(HttpServletRequest req) throws Exception {
        String dept = req.getHeader("X-Department");
        return ctx.search("ou=" + dept + ",dc=riverside,dc=org", "(objectClass=person)", sc); // BUG: java/ldap-injection
    }

    /** Filter arguments are escaped by JNDI. */
    public NamingEnumeration<SearchResult> goodFilterArguments(HttpServletRequest req) throws Exception {
        String user = req.getParameter("user");
        return ctx.search(PEOPLE, "(&(objectClass=person)(uid={0}))", new Object[] {user}, sc);
    }

    public NamingEnumeration<SearchResult> goodEsapiLdapEncoded(HttpServletRequest req) throws Exception {
        String user = ESAPI.encoder().encodeForLDAP(req.getParameter("user"));
        return ctx.search(PEOPLE, "(uid=" + user + ")", sc);
    }

    public NamingEnumeration<SearchResult> goodEsapiDnEncoded(HttpServletRequest req) throws Exception {
        String dept = ESAPI.encoder().encodeForDN(req.getParameter("dept"));
        return ctx.search("ou=" + dept + ",dc=riverside,dc=org", "(objectClass=person)", sc);
    }

    public NamingEnumeration<SearchResult> goodNumeric(HttpServletRequest req) throws Exception {
        int badge = Integer.parseInt(req.getParameter("badge"));
        return ctx.search(PEOPLE, "(employeeNumber=" + badge + ")", sc);
    }

    public NamingEnumeration<SearchResult> goodRegexCheck(HttpServletRequest req) throws Exception {
        String user = req.getParameter("user");
        if (!user.matches("[a-z]+")) return null;
        return ctx.search(PEOPLE, "(uid=" + user + ")", sc);
    }

    /** HTML encoding leaves * ( ) \ alone. */
    public NamingEnumeration<SearchResult> badHtmlEncoded(HttpServletRequest req) throws Exception {
        String user = Encode.forHtml(req.getParameter("user"));
        return ctx.search(PEOPLE, "(uid=" + user + ")", sc); // BUG: java/ldap-injection
    }

    public NamingEnumeration<SearchResult> badBuilderAndCase(HttpServletRequest req) throws Exception {
        StringBuilder f = new StringBuilder("(|");
        for (String role : req.getParameter("roles").split(",")) f.append("(role=").append(role.strip().toLowerCase()).append(')');
        return ctx.search(PEOPLE, f.append(')').toString(), sc); // BUG: java/ldap-injection
    }

    public NamingEnumeration<SearchResult> goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("user");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "nurse1" : param;
        return ctx.search(PEOPLE, "(uid=" + bar + ")", sc);
    }

    public NamingEnumeration<SearchResult> badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("user");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "nurse1" : param;
        return ctx.search(PEOPLE, "(uid=" + bar + ")", sc); // BUG: java/ldap-injection
    }

    public NamingEnumeration<SearchResult> goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("user");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'C': bar = "nurse1"; break;
            default: bar = param; break;
        }
        return ctx.search(PEOPLE, "(uid=" + bar + ")", sc);
    }

    public NamingEnumeration<SearchResult> goodMapConstantKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "nurse1");
        m.put("keyB", req.getParameter("user"));
        return ctx.search(PEOPLE, "(uid=" + m.get("keyA") + ")", sc);
    }

    public NamingEnumeration<SearchResult> badMapTaintedKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "nurse1");
        m.put("keyB", req.getParameter("user"));
        return ctx.search(PEOPLE, "(uid=" + m.get("keyB") + ")", sc); // BUG: java/ldap-injection
    }

    public NamingEnumeration<SearchResult> goodListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("user"));
        l.add("moresafe");
        l.remove(0);
        return ctx.search(PEOPLE, "(uid=" + l.get(1) + ")", sc);
    }

    public NamingEnumeration<SearchResult> badListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("user"));
        l.add("moresafe");
        l.remove(0);
        return ctx.search(PEOPLE, "(uid=" + l.get(0) + ")", sc); // BUG: java/ldap-injection
    }
}
