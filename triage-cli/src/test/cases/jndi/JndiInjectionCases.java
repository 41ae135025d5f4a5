package corpus.jndi;

import org.owasp.encoder.Encode;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.directory.InitialDirContext;
import javax.servlet.http.HttpServletRequest;
import java.util.Map;

/** Data-source and queue look-ups of the integration engine (javax.servlet). */
public class JndiInjectionCases {
    private static final Map<String, String> SOURCES = Map.of(
            "clinic", "java:comp/env/jdbc/clinic",
            "labs", "java:comp/env/jdbc/labs");
    private final Context ctx;

    public JndiInjectionCases(Context ctx) {
        this.ctx = ctx;
    }

    public Object badDirect(HttpServletRequest req) throws Exception {
        String name = req.getParameter("ds");
        return new InitialContext().lookup(name); // BUG: java/jndi-injection
    }

    public Object badContextField(HttpServletRequest req) throws Exception {
        return ctx.lookup(req.getHeader("X-Queue")); // BUG: java/jndi-injection
    }

    public Object badDirContext(HttpServletRequest req) throws Exception {
        InitialDirContext dir = new InitialDirContext();
        return dir.lookup(req.getParameter("ref")); // BUG: java/jndi-injection
    }

    public Object goodFixedName(HttpServletRequest req) throws Exception {
        req.getParameter("ds");
        return new InitialContext().lookup("java:comp/env/jdbc/clinic");
    }

    public Object goodAllowListLookup(HttpServletRequest req) throws Exception {
        String name = SOURCES.get(req.getParameter("ds"));
        if (name == null) return null;
        return new InitialContext().lookup(name);
    }

    public Object goodNumericShard(HttpServletRequest req) throws Exception {
        int shard = Integer.parseInt(req.getParameter("shard"));
        return new InitialContext().lookup("java:comp/env/jdbc/records" + shard);
    }

    /** HTML encoding leaves ldap://host/obj unchanged. */
    public Object badHtmlEncoded(HttpServletRequest req) throws Exception {
        return new InitialContext().lookup(Encode.forHtml(req.getParameter("ds"))); // BUG: java/jndi-injection
    }

    public Object badBuiltName(HttpServletRequest req) throws Exception {
        String[] parts = req.getParameter("target").split("@");
        String name = new StringBuilder(parts[1]).append('/').append(parts[0]).toString();
        return new InitialContext().lookup(name); // BUG: java/jndi-injection
    }

    public void goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("ds");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "java:comp/env/jdbc/clinic" : param;
        new InitialContext().lookup(bar);
    }

    public void badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("ds");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "java:comp/env/jdbc/clinic" : param;
        new InitialContext().lookup(bar); // BUG: java/jndi-injection
    }

    public void goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("ds");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "java:comp/env/jdbc/clinic"; break;
            default: bar = param; break;
        }
        new InitialContext().lookup(bar);
    }

    public void badSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("ds");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "java:comp/env/jdbc/clinic"; break;
            case 'B': bar = param; break;
            default: bar = "java:comp/env/jdbc/clinic"; break;
        }
        new InitialContext().lookup(bar); // BUG: java/jndi-injection
    }

    public void goodMapConstantKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "java:comp/env/jdbc/clinic");
        map.put("keyB", req.getParameter("ds"));
        String bar = map.get("keyA");
        new InitialContext().lookup(bar);
    }

    public void badMapTaintedKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "java:comp/env/jdbc/clinic");
        map.put("keyB", req.getParameter("ds"));
        String bar = map.get("keyB");
        new InitialContext().lookup(bar); // BUG: java/jndi-injection
    }

    public void goodListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("ds"));
        list.add("java:comp/env/jdbc/clinic");
        list.remove(0);
        String bar = list.get(1);
        new InitialContext().lookup(bar);
    }

    public void badListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("ds"));
        list.add("java:comp/env/jdbc/clinic");
        list.remove(0);
        String bar = list.get(0);
        new InitialContext().lookup(bar); // BUG: java/jndi-injection
    }
}
