package corpus.xpathi.propsformulary;

import org.w3c.dom.Document;

import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPathFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Formulary XPath queries from the bundled formulary.properties. */
public class FormularyQueries {
    private final Properties props = new Properties();
    private final Document formulary;

    public FormularyQueries(Document formulary) {
        this.formulary = formulary;
        try (InputStream in = FormularyQueries.class.getResourceAsStream("/formulary.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String goodQueryFromFile(HttpServletRequest req) throws Exception {
        req.getParameter("q");
        return XPathFactory.newInstance().newXPath().evaluate(props.getProperty("formulary.restricted.count"), formulary);
    }

    public String badPrefixPlusParam(HttpServletRequest req) throws Exception {
        String expr = props.getProperty("formulary.by.name.prefix") + req.getParameter("drug") + "']/@id";
        return XPathFactory.newInstance().newXPath().evaluate(expr, formulary); // BUG: java/xpath-injection
    }

    /** formulary.query.mode=fixed: the request branch is dead. */
    public String goodModeFromFile(HttpServletRequest req) throws Exception {
        String expr = "fixed".equals(props.getProperty("formulary.query.mode")) ? "count(//drug)" : req.getParameter("expr");
        return XPathFactory.newInstance().newXPath().evaluate(expr, formulary);
    }

    /** formulary.admin.mode=free: the request branch is live. */
    public String badModeFromFile(HttpServletRequest req) throws Exception {
        String expr = "fixed".equals(props.getProperty("formulary.admin.mode")) ? "count(//drug)" : req.getParameter("expr");
        return XPathFactory.newInstance().newXPath().evaluate(expr, formulary); // BUG: java/xpath-injection
    }
}
