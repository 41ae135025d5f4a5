package dev.triage.testkit;

import com.android.aapt.ConfigurationOuterClass.Configuration;
import com.android.aapt.Resources;
import com.reandroid.arsc.chunk.PackageBlock;
import com.reandroid.arsc.chunk.xml.ResXmlAttribute;
import com.reandroid.arsc.chunk.xml.ResXmlElement;
import com.reandroid.arsc.chunk.xml.ResXmlNamespace;
import com.reandroid.arsc.chunk.xml.ResXmlNode;
import com.reandroid.arsc.chunk.xml.ResXmlTextNode;
import com.reandroid.arsc.model.ResourceEntry;
import com.reandroid.arsc.value.Entry;
import com.reandroid.arsc.value.ResValue;
import com.reandroid.arsc.value.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Converts compiled binary XML and the resource table into aapt2's protobuf formats (as in an .aab). */
final class AabProto {
    private AabProto() {}

    /** A minimal BundleConfig.pb: {@code bundletool { version: "1.15.6" }}. */
    static byte[] bundleConfig() {
        byte[] version = "1.15.6".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[4 + version.length];
        out[0] = 0x0a; // field 1 (bundletool), length-delimited
        out[1] = (byte) (2 + version.length);
        out[2] = 0x12; // field 2 (version), length-delimited
        out[3] = (byte) version.length;
        System.arraycopy(version, 0, out, 4, version.length);
        return out;
    }

    static Resources.XmlNode xml(AndroidResources.CompiledXml compiled) {
        ResXmlElement root = compiled.document().getDocumentElement();
        if (root == null) throw new IllegalArgumentException(compiled.path() + ": no root element");
        return element(root);
    }

    private static Resources.XmlNode element(ResXmlElement el) {
        int line = el.getStartLineNumber();
        Resources.SourcePosition pos = Resources.SourcePosition.newBuilder().setLineNumber(line).build();
        Resources.XmlElement.Builder b = Resources.XmlElement.newBuilder().setName(el.getName(false));
        if (el.getUri() != null) b.setNamespaceUri(el.getUri());
        for (int i = 0; i < el.getNamespaceCount(); i++) {
            ResXmlNamespace ns = el.getNamespaceAt(i);
            b.addNamespaceDeclaration(Resources.XmlNamespace.newBuilder().setPrefix(ns.getPrefix()).setUri(ns.getUri()).setSource(pos));
        }
        for (int i = 0; i < el.getAttributeCount(); i++) b.addAttribute(attribute(el.getAttributeAt(i), pos));
        for (Iterator<ResXmlNode> it = el.iterator(); it.hasNext(); ) {
            ResXmlNode n = it.next();
            if (n instanceof ResXmlElement child) {
                b.addChild(element(child));
            } else if (n instanceof ResXmlTextNode text && text.getText() != null && !text.getText().isBlank()) {
                b.addChild(Resources.XmlNode.newBuilder().setText(text.getText()).setSource(pos));
            }
        }
        return Resources.XmlNode.newBuilder().setElement(b).setSource(pos).build();
    }

    private static Resources.XmlAttribute attribute(ResXmlAttribute a, Resources.SourcePosition pos) {
        Resources.XmlAttribute.Builder b = Resources.XmlAttribute.newBuilder().setName(a.getName(false)).setSource(pos);
        if (a.getUri() != null) b.setNamespaceUri(a.getUri());
        if (a.getNameId() != 0) b.setResourceId(a.getNameId());
        String text = a.decodeToXml().getValueAsString();
        if (text != null) b.setValue(text);
        Resources.Item item = item(a.getValueType(), a.getData(), text, null);
        if (item != null && a.getValueType() != ValueType.STRING) b.setCompiledItem(item);
        return b.build();
    }

    /** The compiled item for a value; strings become {@code str} (or {@code file} when {@code filePath} is set). */
    private static Resources.Item item(ValueType type, int data, String text, String filePath) {
        Resources.Item.Builder i = Resources.Item.newBuilder();
        Resources.Primitive.Builder p = Resources.Primitive.newBuilder();
        switch (type) {
            case STRING -> {
                if (filePath != null) {
                    i.setFile(Resources.FileReference.newBuilder().setPath(filePath)
                            .setType(filePath.endsWith(".xml") ? Resources.FileReference.Type.PROTO_XML
                                    : filePath.endsWith(".png") ? Resources.FileReference.Type.PNG : Resources.FileReference.Type.UNKNOWN));
                } else {
                    i.setStr(Resources.String.newBuilder().setValue(text == null ? "" : text));
                }
                return i.build();
            }
            case REFERENCE, DYNAMIC_REFERENCE -> {
                Resources.Reference.Builder r = Resources.Reference.newBuilder().setId(data);
                if (text != null && text.startsWith("@")) r.setName(text.substring(1));
                return i.setRef(r).build();
            }
            case ATTRIBUTE, DYNAMIC_ATTRIBUTE -> {
                Resources.Reference.Builder r = Resources.Reference.newBuilder().setType(Resources.Reference.Type.ATTRIBUTE).setId(data);
                if (text != null && text.startsWith("?")) r.setName(text.substring(1));
                return i.setRef(r).build();
            }
            case BOOLEAN -> p.setBooleanValue(data != 0);
            case DEC -> p.setIntDecimalValue(data);
            case HEX -> p.setIntHexadecimalValue(data);
            case FLOAT -> p.setFloatValue(Float.intBitsToFloat(data));
            case DIMENSION -> p.setDimensionValue(data);
            case FRACTION -> p.setFractionValue(data);
            case COLOR_ARGB8 -> p.setColorArgb8Value(data);
            case COLOR_RGB8 -> p.setColorRgb8Value(data);
            case COLOR_ARGB4 -> p.setColorArgb4Value(data);
            case COLOR_RGB4 -> p.setColorRgb4Value(data);
            case NULL -> p.setNullValue(Resources.Primitive.NullType.getDefaultInstance());
            default -> {
                return null;
            }
        }
        return i.setPrim(p).build();
    }

    static Resources.ResourceTable table(AndroidResources.Compiled res) {
        PackageBlock pkg = res.packageBlock;
        Map<String, String> fileByTypeNameConfig = new TreeMap<>();
        for (Map.Entry<String, String[]> e : res.fileResources.entrySet()) {
            String[] tcn = e.getValue();
            fileByTypeNameConfig.put(tcn[0] + "/" + tcn[2] + "/" + tcn[1], e.getKey());
        }
        TreeMap<Integer, Resources.Type.Builder> types = new TreeMap<>();
        List<ResourceEntry> all = new ArrayList<>();
        for (Iterator<ResourceEntry> it = pkg.getResources(); it.hasNext(); ) all.add(it.next());
        all.sort((a, b) -> Integer.compareUnsigned(a.getResourceId(), b.getResourceId()));
        for (ResourceEntry re : all) {
            int typeId = (re.getResourceId() >>> 16) & 0xff;
            Resources.Type.Builder t = types.computeIfAbsent(typeId, k -> Resources.Type.newBuilder()
                    .setTypeId(Resources.TypeId.newBuilder().setId(k)).setName(re.getType()));
            Resources.Entry.Builder eb = Resources.Entry.newBuilder()
                    .setEntryId(Resources.EntryId.newBuilder().setId(re.getResourceId() & 0xffff))
                    .setName(re.getName());
            for (Entry entry : re) {
                if (entry.isNull()) continue;
                String qualifiers = entry.getResConfig().getQualifiers();
                Resources.Value.Builder v = Resources.Value.newBuilder();
                if (re.getType().equals("id")) {
                    v.setItem(Resources.Item.newBuilder().setId(Resources.Id.getDefaultInstance()));
                } else if (entry.isScalar()) {
                    ResValue rv = entry.getResValue();
                    String file = fileByTypeNameConfig.get(re.getType() + "/" + re.getName() + "/" + qualifiers);
                    String text = rv.getValueType() == ValueType.STRING ? entry.getValueAsString()
                            : rv.getValueType() == ValueType.REFERENCE ? decodeReference(pkg, rv.getData()) : null;
                    Resources.Item item = item(rv.getValueType(), rv.getData(), text, file);
                    if (item == null) continue;
                    v.setItem(item);
                } else {
                    continue; // bags (styles, arrays, plurals) are not converted
                }
                eb.addConfigValue(Resources.ConfigValue.newBuilder().setConfig(config(qualifiers)).setValue(v));
            }
            t.addEntry(eb);
        }
        Resources.Package.Builder p = Resources.Package.newBuilder()
                .setPackageId(Resources.PackageId.newBuilder().setId(pkg.getId()))
                .setPackageName(pkg.getName());
        for (Resources.Type.Builder t : types.values()) p.addType(t);
        return Resources.ResourceTable.newBuilder().addPackage(p).build();
    }

    private static String decodeReference(PackageBlock pkg, int id) {
        ResourceEntry target = pkg.getTableBlock().getResource(id);
        return target == null ? null : target.buildReference(pkg);
    }

    /** Qualifiers (-en, -en-rUS, -v24, -night...) → aapt2 Configuration; others are refused. */
    static Configuration config(String qualifiers) {
        Configuration.Builder c = Configuration.newBuilder();
        if (qualifiers == null || qualifiers.isEmpty()) return c.build();
        String language = null;
        String region = null;
        for (String q : qualifiers.substring(qualifiers.startsWith("-") ? 1 : 0).split("-")) {
            if (q.matches("[a-z]{2,3}") && language == null && !q.equals("night")) language = q;
            else if (q.matches("r[A-Z]{2}")) region = q.substring(1);
            else if (q.matches("v\\d+")) c.setSdkVersion(Integer.parseInt(q.substring(1)));
            else if (q.equals("night")) c.setUiModeNight(Configuration.UiModeNight.UI_MODE_NIGHT_NIGHT);
            else if (q.equals("notnight")) c.setUiModeNight(Configuration.UiModeNight.UI_MODE_NIGHT_NOTNIGHT);
            else throw new IllegalArgumentException("qualifier not supported in resources.pb: " + q);
        }
        if (language != null) c.setLocale(region == null ? language : language + "-" + region);
        return c.build();
    }
}
