package corpus.xml;

import org.jdom2.input.SAXBuilder;
import org.w3c.dom.Document;

import javax.servlet.http.HttpServletRequest;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Parsing helpers that take the resource's name as a parameter (a wiki's XmlUtil.parse(name, xpath)): whether they
 * read only the app's own XML depends on what their callers pass. When every caller names a constant resource (also
 * through another helper's parameter), the unhardened parser is a Very Low hardening note
 * (AppResourceParserSeverityTest); when one caller passes a name from the request, or a name computed from its own
 * input, it stays High.
 */
public class ResourceHelperCases {
    private static final String MODULES = "ini/modules.xml";

    /** Every copy of the named descriptor on the class path; every caller names a constant one. */
    static final class ModuleFiles {
        static List<org.jdom2.Document> parse(String name) throws Exception {
            SAXBuilder builder = new SAXBuilder();
            List<org.jdom2.Document> out = new ArrayList<>();
            Enumeration<URL> copies = ModuleFiles.class.getClassLoader().getResources(name);
            while (copies.hasMoreElements()) {
                out.add(builder.build(copies.nextElement())); // BUG: java/xxe-parser
            }
            return out;
        }
    }

    /** A descriptor read with a default DocumentBuilder, reached through a second helper's parameter. */
    static final class DescriptorFiles {
        static Document read(String name) throws Exception {
            DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
            return db.parse(DescriptorFiles.class.getResourceAsStream(name));
        }

        static Document readConfig(String which) throws Exception {
            return read(which);
        }
    }

    /** One caller names the form from the request: the helper may parse any resource the attacker names. */
    static final class FormFiles {
        static org.jdom2.Document parse(String name) throws Exception {
            SAXBuilder builder = new SAXBuilder();
            return builder.build(FormFiles.class.getResource(name)); // BUG: java/xxe-parser
        }
    }

    /** The caller computes the name from its own parameter: nothing says it is a constant. */
    static final class StyleFiles {
        static Document parse(String name) throws Exception {
            DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
            return db.parse(StyleFiles.class.getResourceAsStream(name));
        }
    }

    public List<org.jdom2.Document> modules() throws Exception {
        return ModuleFiles.parse(MODULES);
    }

    public List<org.jdom2.Document> plugins() throws Exception {
        return ModuleFiles.parse("ini/plugins.xml");
    }

    public Document descriptor() throws Exception {
        return DescriptorFiles.readConfig("/WEB-INF/descriptor.xml");
    }

    public Document codeTable() throws Exception {
        return DescriptorFiles.read("/config/code-table.xml");
    }

    public org.jdom2.Document intakeForm() throws Exception {
        return FormFiles.parse("/forms/intake.xml");
    }

    public org.jdom2.Document formNamedByRequest(HttpServletRequest req) throws Exception {
        return FormFiles.parse(req.getParameter("form"));
    }

    public Document style(String theme) throws Exception {
        return StyleFiles.parse("/styles/" + theme + ".xml");
    }
}
