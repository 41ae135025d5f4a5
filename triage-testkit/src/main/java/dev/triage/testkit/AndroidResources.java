package dev.triage.testkit;

import com.reandroid.apk.AndroidFrameworks;
import com.reandroid.arsc.chunk.PackageBlock;
import com.reandroid.arsc.chunk.TableBlock;
import com.reandroid.arsc.chunk.TypeBlock;
import com.reandroid.arsc.chunk.xml.AndroidManifestBlock;
import com.reandroid.arsc.chunk.xml.ResXmlDocument;
import com.reandroid.arsc.chunk.xml.ResXmlElement;
import com.reandroid.arsc.coder.xml.XmlCoder;
import com.reandroid.xml.XMLDocument;
import com.reandroid.xml.XMLElement;
import com.reandroid.xml.XMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmlpull.v1.XmlPullParser;

/**
 * Compiles the text manifest and resources of a test app the way aapt2 would, with ARSCLib: binary XML (AXML)
 * keeping each element's source line, and a resources.arsc holding package 0x7f named after the manifest package.
 * Resource ids are given in a fixed order (types and names sorted), so the same input gives the same ids.
 */
final class AndroidResources {
    static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";
    private static final Pattern RES_PATH = Pattern.compile("res/([a-z]+)(-[^/]+)?/([^/]+)");
    private static final Pattern NEW_ID = Pattern.compile("@\\+id/([A-Za-z0-9_.]+)");
    /** ARSCLib keeps static state (the framework tables); one compilation at a time. */
    private static final Object LOCK = new Object();

    /** A compiled binary XML file with the document it came from. */
    record CompiledXml(String path, String text, ResXmlDocument document, byte[] bytes) {}

    /** Result of a compilation. */
    static final class Compiled {
        String packageName;
        CompiledXml manifest;
        final Map<String, CompiledXml> xmlFiles = new TreeMap<>();
        TableBlock table;
        PackageBlock packageBlock;
        byte[] tableBytes;
        /** path → (type, config, name) of file resources (for resources.pb). */
        final Map<String, String[]> fileResources = new TreeMap<>();
    }

    private AndroidResources() {}

    /**
     * @param manifestText text AndroidManifest.xml
     * @param xmlResources res/... path → XML text (values files and XML file resources)
     * @param otherFiles all other archive paths (res/raw/..., res/drawable/x.png become file resources)
     */
    static Compiled compile(String manifestText, Map<String, String> xmlResources, Iterable<String> otherFiles) {
        synchronized (LOCK) {
            try {
                return doCompile(manifestText, xmlResources, otherFiles);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot compile Android resources: " + e.getMessage(), e);
            }
        }
    }

    private static Compiled doCompile(String manifestText, Map<String, String> xmlResources, Iterable<String> otherFiles) throws Exception {
        Compiled out = new Compiled();
        out.packageName = packageOf(manifestText);
        TableBlock table = new TableBlock();
        table.addFramework(AndroidFrameworks.getLatest().getTableBlock());
        PackageBlock pkg = table.newPackage(0x7f, out.packageName);
        out.table = table;
        out.packageBlock = pkg;

        // 1. every resource name (type, config, name), sorted: ids come out in this order
        TreeMap<String, TreeMap<String, TreeSet<String>>> names = new TreeMap<>(); // type → name → configs
        Map<String, XMLDocument> valuesDocs = new LinkedHashMap<>();
        Map<String, String[]> fileRes = new TreeMap<>();
        List<String> texts = new ArrayList<>();
        texts.add(manifestText);
        for (Map.Entry<String, String> e : new TreeMap<>(xmlResources).entrySet()) {
            String path = e.getKey();
            String[] tcn = splitResPath(path);
            if (tcn[0].equals("values")) {
                XMLDocument doc = XMLDocument.load(e.getValue());
                valuesDocs.put(path, doc);
                XMLElement root = doc.getDocumentElement();
                if (root == null || !"resources".equals(root.getName())) throw new IllegalArgumentException(path + ": root element must be <resources>");
                for (Iterator<XMLElement> it = root.getElements(x -> true); it.hasNext(); ) {
                    XMLElement el = it.next();
                    String type = valueType(el);
                    if (type == null) continue;
                    String name = el.getAttributeValue("name");
                    if (name == null) throw new IllegalArgumentException(path + ": <" + el.getName() + "> without name");
                    add(names, type, name, tcn[1]);
                }
                texts.add(e.getValue());
            } else {
                fileRes.put(path, tcn);
                add(names, tcn[0], tcn[2], tcn[1]);
                texts.add(e.getValue());
            }
        }
        for (String path : otherFiles) {
            if (!path.startsWith("res/")) continue;
            String[] tcn = splitResPath(path);
            if (tcn[0].equals("values")) continue;
            fileRes.put(path, tcn);
            add(names, tcn[0], tcn[2], tcn[1]);
        }
        for (String t : texts) {
            Matcher m = NEW_ID.matcher(t);
            while (m.find()) add(names, "id", m.group(1), "");
        }
        for (var byType : names.entrySet()) {
            for (var byName : byType.getValue().entrySet()) {
                for (String config : byName.getValue()) {
                    var entry = pkg.getOrCreate(config, byType.getKey(), byName.getKey());
                    if (byType.getKey().equals("id")) entry.setValueAsBoolean(false);
                }
            }
        }
        // 2. values
        for (Map.Entry<String, XMLDocument> e : valuesDocs.entrySet()) {
            String config = splitResPath(e.getKey())[1];
            for (Iterator<XMLElement> it = e.getValue().getDocumentElement().getElements(x -> true); it.hasNext(); ) {
                XMLElement el = it.next();
                String type = valueType(el);
                if (type == null || type.equals("id")) continue;
                TypeBlock tb = pkg.getOrCreateTypeBlock(config, type);
                try {
                    XmlCoder.getInstance().VALUES_XML.encodeEntry(el, tb);
                } catch (Exception ex) {
                    throw new IllegalArgumentException(e.getKey() + ": cannot encode <" + el.getName() + " name=\""
                            + el.getAttributeValue("name") + "\">: " + ex.getMessage(), ex);
                }
            }
        }
        // 3. file resources: the table entry points at the archive path
        for (Map.Entry<String, String[]> e : fileRes.entrySet()) {
            String[] tcn = e.getValue();
            pkg.getOrCreate(tcn[1], tcn[0], tcn[2]).setValueAsString(e.getKey());
        }
        out.fileResources.putAll(fileRes);
        // 4. binary XML
        for (Map.Entry<String, String> e : new TreeMap<>(xmlResources).entrySet()) {
            if (splitResPath(e.getKey())[0].equals("values")) continue;
            ResXmlDocument doc = new ResXmlDocument();
            out.xmlFiles.put(e.getKey(), encode(e.getKey(), e.getValue(), doc, pkg));
        }
        out.manifest = encode("AndroidManifest.xml", manifestText, new AndroidManifestBlock(), pkg);
        pkg.sortTypes();
        table.refresh();
        out.tableBytes = table.getBytes();
        return out;
    }

    private static void add(TreeMap<String, TreeMap<String, TreeSet<String>>> names, String type, String name, String config) {
        names.computeIfAbsent(type, k -> new TreeMap<>()).computeIfAbsent(name, k -> new TreeSet<>()).add(config);
    }

    /** The resource type a values element defines, or null when it defines none. */
    private static String valueType(XMLElement el) {
        String tag = el.getName();
        return switch (tag) {
            case "string", "bool", "integer", "color", "dimen", "fraction", "drawable", "style", "attr", "plurals",
                 "id" -> tag;
            case "string-array", "integer-array", "array" -> "array";
            case "item" -> {
                String t = el.getAttributeValue("type");
                if (t == null) throw new IllegalArgumentException("<item> without type");
                yield t;
            }
            case "public", "eat-comment", "skip", "declare-styleable", "java-symbol", "add-resource", "overlayable" -> null;
            default -> throw new IllegalArgumentException("unsupported values element <" + tag + ">");
        };
    }

    /** res/type[-config]/name.ext → {type, config ("" or "-en"...), name}. */
    static String[] splitResPath(String path) {
        Matcher m = RES_PATH.matcher(path);
        if (!m.matches()) throw new IllegalArgumentException("not a resource path (res/<type>[-<config>]/<file>): " + path);
        String file = m.group(3);
        String name = file;
        if (name.endsWith(".9.png")) name = name.substring(0, name.length() - 6);
        else if (name.indexOf('.') > 0) name = name.substring(0, name.indexOf('.'));
        String config = m.group(2) == null ? "" : m.group(2);
        return new String[] {m.group(1), config, name};
    }

    static String packageOf(String manifestText) throws Exception {
        XmlPullParser p = XMLFactory.newPullParser(manifestText);
        int ev;
        while ((ev = p.next()) != XmlPullParser.END_DOCUMENT) {
            if (ev == XmlPullParser.START_TAG) {
                if (!"manifest".equals(p.getName())) throw new IllegalArgumentException("manifest root element must be <manifest>");
                String pkg = p.getAttributeValue(null, "package");
                if (pkg == null || pkg.isEmpty()) throw new IllegalArgumentException("<manifest> needs a package attribute");
                return pkg;
            }
        }
        throw new IllegalArgumentException("empty manifest");
    }

    private static CompiledXml encode(String path, String original, ResXmlDocument doc, PackageBlock pkg) {
        String text = XmlLines.stripToolsAttributes(original);
        List<Integer> lines = XmlLines.startTagLines(text);
        try {
            doc.setPackageBlock(pkg);
            doc.parse(XMLFactory.newPullParser(text));
        } catch (Exception e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        List<ResXmlElement> elements = new ArrayList<>();
        for (Iterator<ResXmlElement> it = doc.recursiveElements(); it.hasNext(); ) elements.add(it.next());
        if (elements.size() != lines.size()) {
            throw new IllegalStateException(path + ": " + elements.size() + " elements but " + lines.size() + " start tags");
        }
        for (int i = 0; i < elements.size(); i++) {
            ResXmlElement el = elements.get(i);
            int end = el.getEndLineNumber();
            el.setStartLineNumber(lines.get(i));
            if (end < lines.get(i)) el.setEndLineNumber(lines.get(i));
        }
        doc.refresh();
        return new CompiledXml(path, original, doc, doc.getBytes());
    }
}
