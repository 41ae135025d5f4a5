package corpus.xpathi;

import org.owasp.encoder.Encode;
import org.owasp.esapi.ESAPI;
import org.w3c.dom.Document;

import javax.servlet.http.HttpServletRequest;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Queries over the in-memory patient roster XML (javax.servlet). */
public class XPathInjectionCases {
    private final Document roster;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    public XPathInjectionCases(Document roster) {
        this.roster = roster;
    }

    public String badDirect(HttpServletRequest req) throws Exception {
        String mrn = req.getParameter("mrn");
        return xpath.evaluate("/roster/patient[@mrn='" + mrn + "']/name", roster); // BUG: java/xpath-injection
    }

    public XPathExpression badCompile(HttpServletRequest req) throws Exception {
        return xpath.compile("//appointment[room='" + req.getHeader("X-Room") + "']"); // BUG: java/xpath-injection
    }

    public Object badEvaluateNodeSet(HttpServletRequest req) throws Exception {
        String ward = req.getParameter("ward");
        return xpath.evaluate("//patient[ward='" + ward + "']", roster, XPathConstants.NODESET); // BUG: java/xpath-injection
    }

    /** A fixed expression with an XPath variable. */
    public String goodVariableResolver(HttpServletRequest req) throws Exception {
        String mrn = req.getParameter("mrn");
        XPath xp = XPathFactory.newInstance().newXPath();
        xp.setXPathVariableResolver((QName q) -> "mrn".equals(q.getLocalPart()) ? mrn : null);
        return xp.evaluate("/roster/patient[@mrn=$mrn]/name", roster);
    }

    public String goodEsapiXPathEncoded(HttpServletRequest req) throws Exception {
        String mrn = ESAPI.encoder().encodeForXPath(req.getParameter("mrn"));
        return xpath.evaluate("/roster/patient[@mrn='" + mrn + "']/name", roster);
    }

    public String goodNumeric(HttpServletRequest req) throws Exception {
        int bed = Integer.parseInt(req.getParameter("bed"));
        return xpath.evaluate("/roster/patient[bed=" + bed + "]/name", roster);
    }

    /** HTML content encoding only touches & < >: the quote still ends the XPath string literal. */
    public String badHtmlContentEncoded(HttpServletRequest req) throws Exception {
        String mrn = Encode.forHtmlContent(req.getParameter("mrn"));
        return xpath.evaluate("/roster/patient[@mrn='" + mrn + "']/name", roster); // BUG: java/xpath-injection
    }

    public String badStringManipulation(HttpServletRequest req) throws Exception {
        String path = req.getPathInfo();
        String last = path.substring(path.lastIndexOf('/') + 1).replace("%20", " ");
        return xpath.evaluate(String.join("", "/roster/patient[name='", last, "']/@mrn"), roster); // BUG: java/xpath-injection
    }

    public String goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("mrn");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "M-0001" : param;
        return xpath.evaluate("/roster/patient[@mrn='" + bar + "']/name", roster);
    }

    public String badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("mrn");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "M-0001" : param;
        return xpath.evaluate("/roster/patient[@mrn='" + bar + "']/name", roster); // BUG: java/xpath-injection
    }

    public String goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("mrn");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'C': bar = "M-0001"; break;
            default: bar = param; break;
        }
        return xpath.evaluate("/roster/patient[@mrn='" + bar + "']/name", roster);
    }

    public String goodMapConstantKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "M-0001");
        m.put("keyB", req.getParameter("mrn"));
        return xpath.evaluate("/roster/patient[@mrn='" + m.get("keyA") + "']/name", roster);
    }

    public String badMapTaintedKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "M-0001");
        m.put("keyB", req.getParameter("mrn"));
        return xpath.evaluate("/roster/patient[@mrn='" + m.get("keyB") + "']/name", roster); // BUG: java/xpath-injection
    }

    public String goodListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("mrn"));
        l.add("moresafe");
        l.remove(0);
        return xpath.evaluate("/roster/patient[@mrn='" + l.get(1) + "']/name", roster);
    }

    public String badListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("mrn"));
        l.add("moresafe");
        l.remove(0);
        return xpath.evaluate("/roster/patient[@mrn='" + l.get(0) + "']/name", roster); // BUG: java/xpath-injection
    }
}
