package dev.triage.components;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;


/**
 * Reads coordinates from a bundled {@code pom.xml} with a hardened parser: DOCTYPE declarations are
 * refused outright (no external entities, no entity expansion), external DTD and schema access is
 * off, and secure processing is on. A hostile pom yields nothing rather than a request or a bomb.
 */
final class PomXml {
    private PomXml() {
    }

    record Gav(String groupId, String artifactId, String version) {
    }

    /** Coordinates of a {@code pom.properties}, or null when unreadable or without a group or an artifact id. */
    static Gav readProperties(byte[] properties) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new java.io.ByteArrayInputStream(properties));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
        String g = p.getProperty("groupId", "").strip();
        String a = p.getProperty("artifactId", "").strip();
        if (g.isEmpty() || a.isEmpty()) return null;
        return new Gav(g, a, p.getProperty("version", "").strip());
    }

    /** Coordinates, or null when the pom cannot be read safely or names no artifact. */
    static Gav read(byte[] xml) {
        try {
            Document d = HardenedXml.parse(xml);
            Element project = d.getDocumentElement();
            if (project == null || !project.getTagName().equals("project")) return null;
            Element parent = child(project, "parent");
            String g = text(project, "groupId");
            String a = text(project, "artifactId");
            String v = text(project, "version");
            if (g.isEmpty() && parent != null) g = text(parent, "groupId");
            if (v.isEmpty() && parent != null) v = text(parent, "version");
            if (a.isEmpty() || g.contains("${") || a.contains("${")) return null;
            if (v.contains("${")) v = "";
            return new Gav(g, a, v);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The group:artifact keys a pom declares as dependencies (in {@code dependencies} and
     * {@code dependencyManagement}), sorted; {@code ${project.groupId}} is the pom's own group, other property
     * references are left out. Empty when the pom cannot be read safely.
     */
    static java.util.Set<String> dependencyKeys(byte[] xml) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try {
            Document d = HardenedXml.parse(xml);
            Element project = d.getDocumentElement();
            if (project == null || !project.getTagName().equals("project")) return out;
            Gav self = read(xml);
            org.w3c.dom.NodeList deps = project.getElementsByTagName("dependency");
            for (int i = 0; i < deps.getLength(); i++) {
                Element dep = (Element) deps.item(i);
                String g = text(dep, "groupId");
                String a = text(dep, "artifactId");
                if (self != null && (g.equals("${project.groupId}") || g.equals("${pom.groupId}"))) g = self.groupId();
                if (g.isEmpty() || a.isEmpty() || g.contains("$") || a.contains("$")) continue;
                out.add(g + ":" + a);
            }
        } catch (Exception e) {
            return out;
        }
        return out;
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) return c;
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? "" : c.getTextContent().strip();
    }
}
