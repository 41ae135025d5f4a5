package dev.triage.intake.android;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What intake needs from a decoded (text) manifest: the app package and the packages of the classes it
 * names (application, activities, services, receivers, providers), for the app/library split.
 */
public record ManifestInfo(String packageName, Set<String> classPackages, int minSdk) {
    /**
     * Packages of SDKs whose components are merged into app manifests by the build; naming one of their
     * classes does not make the SDK app code.
     */
    private static final List<String> SDK_PACKAGES = List.of("android.", "androidx.", "com.android.", "kotlin.",
            "kotlinx.", "com.google.android.gms.", "com.google.firebase.", "com.google.android.play.",
            "com.google.android.datatransport.", "com.google.android.material.", "com.facebook.", "io.flutter.");

    public static final ManifestInfo NONE = new ManifestInfo(null, Set.of(), 0);

    /** Reads a text manifest; never fails (an unreadable manifest gives {@link #NONE}). */
    public static ManifestInfo parse(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document d = b.parse(new InputSource(new StringReader(text)));
            Element root = d.getDocumentElement();
            String pkg = root.getAttribute("package");
            pkg = pkg.isBlank() ? null : pkg.trim();
            Set<String> pkgs = new LinkedHashSet<>();
            for (String tag : List.of("application", "activity", "activity-alias", "service", "receiver",
                    "provider")) {
                NodeList nl = d.getElementsByTagName(tag);
                for (int i = 0; i < nl.getLength(); i++) {
                    Element e = (Element) nl.item(i);
                    String name = e.getAttributeNS(AxmlDecoder.ANDROID_NS, "name");
                    String cls = className(pkg, name);
                    if (cls == null || cls.lastIndexOf('.') < 0) {
                        continue;
                    }
                    String p = cls.substring(0, cls.lastIndexOf('.'));
                    if (!isSdk(p + ".") && !p.isEmpty()) {
                        pkgs.add(p);
                    }
                }
            }
            int minSdk = 0;
            NodeList sdk = d.getElementsByTagName("uses-sdk");
            if (sdk.getLength() > 0) {
                String v = ((Element) sdk.item(0)).getAttributeNS(AxmlDecoder.ANDROID_NS, "minSdkVersion");
                try {
                    minSdk = v.isBlank() ? 1 : Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    minSdk = 0; // a codename or reference: let apksig decide
                }
            }
            return new ManifestInfo(pkg, pkgs, minSdk);
        } catch (Exception | StackOverflowError e) {
            return NONE;
        }
    }

    /** A manifest class name resolved against the package ({@code .Main} → {@code com.acme.Main}). */
    public static String className(String pkg, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim();
        if (n.startsWith(".")) {
            return pkg == null ? n.substring(1) : pkg + n;
        }
        if (n.indexOf('.') < 0) {
            return pkg == null ? n : pkg + "." + n;
        }
        return n;
    }

    private static boolean isSdk(String dotted) {
        for (String s : SDK_PACKAGES) {
            if (dotted.startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** Slashed package prefixes of app code: the manifest package and the component packages. */
    public Set<String> appPrefixes() {
        Set<String> out = new LinkedHashSet<>();
        if (packageName != null && !packageName.isEmpty()) {
            out.add(packageName.replace('.', '/'));
        }
        for (String p : classPackages) {
            out.add(p.replace('.', '/'));
        }
        return out;
    }
}
