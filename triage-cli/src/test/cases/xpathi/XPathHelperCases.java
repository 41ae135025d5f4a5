package corpus.xpathi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.owasp.esapi.ESAPI;
import org.w3c.dom.Document;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.util.function.Function;

/** JAX-RS drug-formulary resource; the XPath queries run in helpers and nested classes. */
@Path("/formulary")
public class XPathHelperCases {
    private final Document formulary;
    private String lastClass;
    private final String defaultQuery = "count(//drug[@restricted='true'])";

    public XPathHelperCases(Document formulary) {
        this.formulary = formulary;
    }

    interface Query {
        String run(String value) throws XPathExpressionException;
    }

    static String dose(Document d, String drug) throws XPathExpressionException {
        XPath xp = XPathFactory.newInstance().newXPath();
        return xp.evaluate("//drug[@name='" + drug + "']/maxDose", d); // BUG: java/xpath-injection
    }

    static String doseEncoded(Document d, String drug) throws XPathExpressionException {
        XPath xp = XPathFactory.newInstance().newXPath();
        return xp.evaluate("//drug[@name='" + ESAPI.encoder().encodeForXPath(drug) + "']/maxDose", d);
    }

    @GET
    @Path("/dose")
    public String badStaticHelper(@QueryParam("drug") String drug) throws XPathExpressionException {
        return dose(formulary, drug);
    }

    @GET
    @Path("/dose-safe")
    public String goodStaticHelperEncodes(@QueryParam("drug") String drug) throws XPathExpressionException {
        return doseEncoded(formulary, drug);
    }

    String interactions(String drug) throws XPathExpressionException {
        return XPathFactory.newInstance().newXPath().evaluate("//interaction[a='" + drug + "']/b", formulary); // BUG: java/xpath-injection
    }

    @GET
    @Path("/{drug}/interactions")
    public String badInstanceHelper(@PathParam("drug") String drug) throws XPathExpressionException {
        return interactions(drug);
    }

    @GET
    @Path("/code")
    public String badOtherClass(@QueryParam("atc") String atc) throws XPathExpressionException {
        return new FormularyIndex(formulary).byAtc(atc);
    }

    @GET
    @Path("/code-safe")
    public String goodOtherClassNumeric(@QueryParam("id") String id) throws XPathExpressionException {
        return new FormularyIndex(formulary).byId(Integer.parseInt(id));
    }

    class Generic {
        String of(String brand) throws XPathExpressionException {
            return XPathFactory.newInstance().newXPath().evaluate("//drug[brand='" + brand + "']/generic", formulary); // BUG: java/xpath-injection
        }
    }

    @GET
    @Path("/generic")
    public String badInnerClass(@QueryParam("brand") String brand) throws XPathExpressionException {
        return new Generic().of(brand);
    }

    @GET
    @Path("/anon")
    public String badAnonymousClass(@QueryParam("form") String form) throws XPathExpressionException {
        Query q = new Query() {
            @Override
            public String run(String value) throws XPathExpressionException {
                return XPathFactory.newInstance().newXPath().evaluate("count(//drug[form='" + value + "'])", formulary); // BUG: java/xpath-injection
            }
        };
        return q.run(form);
    }

    @GET
    @Path("/lambda")
    public String badLambda(@QueryParam("route") String route) throws XPathExpressionException {
        Function<String, String> expr = r -> "count(//drug[route='" + r + "'])";
        return XPathFactory.newInstance().newXPath().evaluate(expr.apply(route), formulary); // BUG: java/xpath-injection
    }

    @GET
    @Path("/lambda-safe")
    public String goodLambdaIgnoresInput(@QueryParam("route") String route) throws XPathExpressionException {
        Function<String, String> expr = r -> "count(//drug[route='oral'])";
        return XPathFactory.newInstance().newXPath().evaluate(expr.apply(route), formulary);
    }

    @GET
    @Path("/remember")
    public void remember(@QueryParam("cls") String cls) {
        lastClass = cls;
    }

    public String badTaintedField() throws XPathExpressionException {
        return XPathFactory.newInstance().newXPath().evaluate("//drug[class='" + lastClass + "']/@name", formulary); // BUG: java/xpath-injection
    }

    public String goodConstantField() throws XPathExpressionException {
        return XPathFactory.newInstance().newXPath().evaluate(defaultQuery, formulary);
    }
}

/** ATC code index of the formulary. */
class FormularyIndex {
    private final Document formulary;

    FormularyIndex(Document formulary) {
        this.formulary = formulary;
    }

    String byAtc(String atc) throws XPathExpressionException {
        return XPathFactory.newInstance().newXPath().evaluate("//drug[atc='" + atc + "']/@name", formulary); // BUG: java/xpath-injection
    }

    String byId(int id) throws XPathExpressionException {
        return XPathFactory.newInstance().newXPath().evaluate("//drug[@id=" + id + "]/@name", formulary);
    }
}
