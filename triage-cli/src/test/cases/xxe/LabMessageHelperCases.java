package corpus.xxe;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.function.Function;

/** JAX-RS endpoint for HL7 v3 lab messages; parsing happens in helpers and nested classes. */
@Path("/hl7")
public class LabMessageHelperCases {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private String pendingMessage;
    private final String heartbeat = "<heartbeat/>";

    interface Parser {
        Document parse(InputStream in) throws Exception;
    }

    static Document parseMessage(InputStream in) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in); // BUG: java/xxe-parser, java/xxe
    }

    static Document parseMessageSafely(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(DISALLOW_DOCTYPE, true);
        return dbf.newDocumentBuilder().parse(in);
    }

    static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(DISALLOW_DOCTYPE, true);
        return dbf.newDocumentBuilder();
    }

    /** Un-annotated entity body of a resource method. */
    @POST
    @Path("/oru")
    @Consumes("application/xml")
    public Document badStaticHelper(InputStream body) throws Exception {
        return parseMessage(body);
    }

    @POST
    @Path("/oru-safe")
    @Consumes("application/xml")
    public Document goodStaticHelperHardened(InputStream body) throws Exception {
        return parseMessageSafely(body);
    }

    /** The builder comes from an app helper that hardened its factory. */
    @POST
    @Path("/orm-safe")
    @Consumes("application/xml")
    public Document goodHardenedBuilderFromHelper(InputStream body) throws Exception {
        return hardenedBuilder().parse(body);
    }

    Document parseText(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml))); // BUG: java/xxe-parser, java/xxe
    }

    @POST
    @Path("/text")
    public Document badInstanceHelper(@QueryParam("msg") String msg) throws Exception {
        return parseText(msg);
    }

    @POST
    @Path("/ack")
    public Document badOtherClass(String body) throws Exception {
        return new AckReader().read(body);
    }

    class Validator {
        Document check(InputStream in) throws Exception {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in); // BUG: java/xxe-parser, java/xxe
        }
    }

    @POST
    @Path("/validate")
    public Document badInnerClass(InputStream body) throws Exception {
        return new Validator().check(body);
    }

    @POST
    @Path("/anon")
    public Document badAnonymousClass(InputStream body) throws Exception {
        Parser p = new Parser() {
            @Override
            public Document parse(InputStream in) throws Exception {
                return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in); // BUG: java/xxe-parser, java/xxe
            }
        };
        return p.parse(body);
    }

    @POST
    @Path("/lambda")
    public Document badLambda(@QueryParam("msg") String msg) throws Exception {
        Function<String, InputSource> src = s -> new InputSource(new StringReader(s));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(src.apply(msg)); // BUG: java/xxe-parser, java/xxe
    }

    @POST
    @Path("/lambda-safe")
    public Document goodLambdaHardened(@QueryParam("msg") String msg) throws Exception {
        Function<String, InputSource> src = s -> new InputSource(new StringReader(s));
        return hardenedBuilder().parse(src.apply(msg));
    }

    @POST
    @Path("/queue")
    public void queue(@QueryParam("msg") String msg) {
        pendingMessage = msg;
    }

    public Document badTaintedField() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(pendingMessage))); // BUG: java/xxe-parser, java/xxe
    }

    public Document goodConstantField() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(heartbeat))); // BUG: java/xxe-parser
    }
}

/** Reads HL7 acknowledgements. */
class AckReader {
    Document read(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml))); // BUG: java/xxe-parser, java/xxe
    }
}
