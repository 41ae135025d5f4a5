import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.TreeSet;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints known-artifacts.txt from an effective pom: every managed dependency of type jar without a classifier,
 * except the generated per-service SDK families (their jars carry pom.properties, and their thousands of
 * versions would dominate every hash-index update).
 */
public class KnownArtifacts {
    public static void main(String[] args) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = f.newDocumentBuilder().parse(new File(args[0]));
        NodeList deps = doc.getElementsByTagName("dependency");
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (!"dependencies".equals(d.getParentNode().getNodeName())
                    || !"dependencyManagement".equals(d.getParentNode().getParentNode().getNodeName())) continue;
            String g = text(d, "groupId"), a = text(d, "artifactId"), type = text(d, "type");
            if (!(type.isEmpty() || type.equals("jar")) || !text(d, "classifier").isEmpty()) continue;
            if (g.equals("com.amazonaws") || g.equals("software.amazon.awssdk") || g.equals("com.google.api.grpc")) continue;
            out.add(g + ":" + a);
        }
        System.out.println("# Known Maven Central artifacts (group:artifact): the jars managed by the BOMs in");
        System.out.println("# src/build/known-artifacts/bom-imports.xml. Their groups are real for their artifact ids (a jar's");
        System.out.println("# evidence may name them), and 'triage db update' indexes their SHA-1s beside the advisories' packages.");
        out.forEach(System.out::println);
    }

    static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }
}
