package corpus.xpathi;

import org.apache.commons.text.StringEscapeUtils;
import org.owasp.encoder.Encode;
import org.w3c.dom.Document;

import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.util.Set;

/** Formulary lookups whose input is escaped or checked before it is put into the expression's string literal. */
public class XPathEscapedCases {
    private static final Set<String> ROUTES = Set.of("oral", "iv", "topical");
    private final XPath xpath = XPathFactory.newInstance().newXPath();
    private final Document formulary;

    public XPathEscapedCases(Document formulary) {
        this.formulary = formulary;
    }

    public String goodXmlEscaped(HttpServletRequest req) throws XPathExpressionException {
        String drug = StringEscapeUtils.escapeXml10(req.getParameter("drug"));
        return xpath.evaluate("//drug[@name='" + drug + "']/maxDose", formulary);
    }

    public String goodLegacyXmlEscaped(HttpServletRequest req) throws XPathExpressionException {
        String drug = org.apache.commons.lang.StringEscapeUtils.escapeXml(req.getParameter("drug"));
        return xpath.evaluate("//drug[@name='" + drug + "']/maxDose", formulary);
    }

    public String goodAttributeEncoded(HttpServletRequest req) throws XPathExpressionException {
        return xpath.evaluate("//drug[brand=\"" + Encode.forXmlAttribute(req.getParameter("brand")) + "\"]/generic", formulary);
    }

    public String goodAllowList(HttpServletRequest req) throws XPathExpressionException {
        String route = req.getParameter("route");
        if (!ROUTES.contains(route)) return "";
        return xpath.evaluate("count(//drug[route='" + route + "'])", formulary);
    }

    public String goodPatternChecked(HttpServletRequest req) throws XPathExpressionException {
        String atc = req.getParameter("atc");
        if (!atc.matches("[A-Z0-9]{1,7}")) return "";
        return xpath.evaluate("//drug[atc='" + atc + "']/@name", formulary);
    }

    /** HTML 4 escaping leaves the apostrophe: ' or '1'='1 still closes the literal. */
    public String badHtml4Escaped(HttpServletRequest req) throws XPathExpressionException {
        String drug = StringEscapeUtils.escapeHtml4(req.getParameter("drug"));
        return xpath.evaluate("//drug[@name='" + drug + "']/maxDose", formulary); // BUG: java/xpath-injection
    }

    public String badLegacyHtmlEscaped(HttpServletRequest req) throws XPathExpressionException {
        String drug = org.apache.commons.lang.StringEscapeUtils.escapeHtml(req.getParameter("drug"));
        return xpath.evaluate("//drug[@name='" + drug + "']/maxDose", formulary); // BUG: java/xpath-injection
    }
}
