package dev.triage.cli.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expected findings written into corpus files.
 * <ul>
 *   <li>Java: a trailing comment {@code // BUG: rule-a, rule-b} marks the line it stands on. A marker on a line
 *       that holds no code is an error (the JVM line table only knows lines with code).</li>
 *   <li>.properties: a comment line {@code # BUG: rule-a} (or {@code ! BUG: ...}) marks the next line that is
 *       neither blank nor a comment. A marker with no such line after it is an error.</li>
 * </ul>
 *   <li>XML: a comment {@code <!-- BUG: rule-a -->} marks the next line that starts an element ({@code <name});
 *       there, an Android finding about that element (manifest component, network configuration, resource) stands.
 *       A marker with no element after it is an error.</li>
 *   <li>{@code apk.properties} (how an Android case is built): {@code # BUG: rule} marks the app file itself (line 0,
 *       where signing and tracker findings stand); {@code # BUG at assets/config.json:3: rule} marks a line of a
 *       file that cannot hold comments.</li>
 * </ul>
 * Rule ids look like {@code family/name} ({@code java/weak-cipher}, {@code config/hardcoded-secret}).
 */
public final class Markers {
    private static final Pattern JAVA_MARKER = Pattern.compile("//\\s*BUG:(.*)$");
    private static final Pattern PROPS_MARKER = Pattern.compile("^\\s*[#!]\\s*BUG:(.*)$");
    private static final Pattern JAVA_SLOPPY = Pattern.compile("//\\s*BUG\\b");
    private static final Pattern XML_MARKER = Pattern.compile("<!--\\s*BUG:(.*?)-->");
    private static final Pattern ELEMENT_START = Pattern.compile("^\\s*<[A-Za-z_]");
    private static final Pattern AT_MARKER = Pattern.compile("^\\s*#\\s*BUG at ([^:\\s]+):(\\d+):(.*)$");
    /** The file name an Android case's build settings live in; its markers are about the app file. */
    public static final String APK_PROPERTIES = "apk.properties";
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9]*/[a-z0-9][a-z0-9-]*");

    private Markers() {
    }

    /** Markers of a Java source file; {@code sourcePath} is what findings name the file by. */
    public static List<Marker> parseJava(String sourcePath, List<String> lines) {
        List<Marker> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = JAVA_MARKER.matcher(line);
            if (!m.find()) {
                if (line.contains("BUG:") || JAVA_SLOPPY.matcher(line).find()) {
                    throw new IllegalArgumentException(where(sourcePath, i) + ": malformed marker: " + line.strip());
                }
                continue;
            }
            String code = line.substring(0, m.start()).strip();
            if (code.isEmpty() || code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
                throw new IllegalArgumentException(where(sourcePath, i)
                        + ": marker on a line without code; put it at the end of the statement it marks");
            }
            for (String id : ids(m.group(1), sourcePath, i)) {
                out.add(new Marker(sourcePath, i + 1, id));
            }
        }
        return out;
    }

    /** Markers of a .properties file; {@code resourceName} is the resource path from the class-path root. */
    public static List<Marker> parseProperties(String resourceName, List<String> lines) {
        List<Marker> out = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int pendingAt = -1;
        boolean continuation = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (continuation) {
                // a logical line continued from the previous one; markers never target continuation lines
                continuation = endsWithOddBackslashes(line);
                continue;
            }
            Matcher m = PROPS_MARKER.matcher(line);
            if (m.find()) {
                pending.addAll(ids(m.group(1), resourceName, i));
                if (pendingAt < 0) pendingAt = i;
                continue;
            }
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                if (t.contains("BUG:") || t.matches("[#!]\\s*BUG\\b.*")) {
                    throw new IllegalArgumentException(where(resourceName, i) + ": malformed marker: " + t);
                }
                continue;
            }
            for (String id : pending) out.add(new Marker(resourceName, i + 1, id));
            pending.clear();
            pendingAt = -1;
            continuation = endsWithOddBackslashes(line);
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException(where(resourceName, pendingAt) + ": marker with no property line after it");
        }
        return out;
    }

    /**
     * Dispatches on the file name: {@code .java}, or {@code .properties} / {@code .yml} / {@code .yaml}
     * (a {@code # BUG:} comment marks the next line); other files carry no markers.
     */
    public static List<Marker> parse(String sourcePath, List<String> lines) {
        if (sourcePath.endsWith(".java")) return parseJava(sourcePath, lines);
        if (sourcePath.equals(APK_PROPERTIES)) return parseApkProperties(lines);
        if (sourcePath.endsWith(".xml")) return parseXml(sourcePath, lines);
        if (sourcePath.endsWith(".properties") || sourcePath.endsWith(".yml") || sourcePath.endsWith(".yaml")) {
            return parseProperties(sourcePath, lines);
        }
        return List.of();
    }

    /** Markers of an XML file: each {@code <!-- BUG: ... -->} marks the next line that starts an element. */
    public static List<Marker> parseXml(String sourcePath, List<String> lines) {
        List<Marker> out = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int pendingAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = XML_MARKER.matcher(line);
            boolean marker = false;
            while (m.find()) {
                pending.addAll(ids(m.group(1), sourcePath, i));
                if (pendingAt < 0) pendingAt = i;
                marker = true;
            }
            if (!marker && line.contains("BUG:")) {
                throw new IllegalArgumentException(where(sourcePath, i) + ": malformed marker: " + line.strip());
            }
            if (marker) continue;
            if (!pending.isEmpty() && ELEMENT_START.matcher(line).find()) {
                for (String id : pending) out.add(new Marker(sourcePath, i + 1, id));
                pending.clear();
                pendingAt = -1;
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException(where(sourcePath, pendingAt) + ": marker with no element after it");
        }
        return out;
    }

    /**
     * Markers of an Android case's {@code apk.properties}: {@code # BUG: rule} expects a finding on the app file (path
     * {@code apk.properties}, line 0: the harness renames it to the built app); {@code # BUG at path:line: rule} one at
     * a line of another file of the case.
     */
    public static List<Marker> parseApkProperties(List<String> lines) {
        List<Marker> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher at = AT_MARKER.matcher(line);
            if (at.find()) {
                for (String id : ids(at.group(3), APK_PROPERTIES, i)) {
                    out.add(new Marker(at.group(1), Integer.parseInt(at.group(2)), id));
                }
                continue;
            }
            Matcher m = PROPS_MARKER.matcher(line);
            if (m.find()) {
                for (String id : ids(m.group(1), APK_PROPERTIES, i)) out.add(new Marker(APK_PROPERTIES, 0, id));
            } else if (line.contains("BUG")) {
                throw new IllegalArgumentException(where(APK_PROPERTIES, i) + ": malformed marker: " + line.strip());
            }
        }
        return out;
    }

    private static List<String> ids(String text, String file, int lineIndex) {
        List<String> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            String id = part.strip();
            if (!RULE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where(file, lineIndex) + ": not a rule id: '" + id + "'");
            }
            if (!ids.contains(id)) ids.add(id);
        }
        return ids;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) n++;
        return n % 2 == 1;
    }

    private static String where(String file, int lineIndex) {
        return file + ":" + (lineIndex + 1);
    }
}
