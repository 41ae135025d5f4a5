package dev.triage.analysis;

import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A whole-program analysis: the lowest level at which the app's own bundled logging configuration writes messages
 * for any logger — Log4j 2 (properties, also embedded in another properties file, or XML), Log4j 1, Logback,
 * java.util.logging and Spring Boot's {@code logging.level.*}. A message below it is never written where the app runs
 * as shipped. Unknown (null) when the app bundles no logging configuration: then the deployment decides. XML is read
 * with DTDs refused.
 */
public final class LoggingConfiguration {
    public static final AnalysisId<LoggingConfiguration> ID = AnalysisId.of("logging-configuration", LoggingConfiguration::new);

    /** Levels on one scale: JUL's FINEST/FINER are trace, FINE debug, CONFIG between debug and info. */
    private static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("all", 0), Map.entry("finest", 1), Map.entry("finer", 1), Map.entry("trace", 1),
            Map.entry("fine", 2), Map.entry("debug", 2), Map.entry("config", 3), Map.entry("info", 4),
            Map.entry("warn", 5), Map.entry("warning", 5), Map.entry("error", 6), Map.entry("severe", 6),
            Map.entry("fatal", 7), Map.entry("off", 8));
    private static final Pattern XML_CONFIG = Pattern.compile("(?:.*/)?(?:log4j2?(?:-[\\w.-]+)?|logback(?:-[\\w.-]+)?)\\.xml");

    private final AnalysisContext context;
    private volatile Threshold threshold;
    private volatile boolean computed;

    /** The lowest level written and the file that says so. */
    public record Threshold(int level, String levelName, String file) {
    }

    private LoggingConfiguration(AnalysisContext context) {
        this.context = context;
    }

    /** A level name's place on the scale (trace 1 ... fatal 7), or -1 when unknown. */
    public static int level(String name) {
        if (name == null) return -1;
        return LEVELS.getOrDefault(name.strip().toLowerCase(Locale.ROOT), -1);
    }

    /** The lowest level the bundled configuration writes, or null when the app bundles none. */
    public Threshold threshold() {
        if (!computed) {
            synchronized (this) {
                if (!computed) {
                    threshold = compute();
                    computed = true;
                }
            }
        }
        return threshold;
    }

    private Threshold compute() {
        List<Threshold> found = new ArrayList<>();
        context.properties().files().forEach((file, entries) -> {
            List<Threshold> inFile = new ArrayList<>();
            boolean isConfig = false;
            for (var e : entries) {
                String k = e.key();
                String first = e.value().split(",")[0];
                if (k.equals("rootLogger.level") || k.equals("rootLogger") || k.equals("log4j.rootLogger") || k.equals("log4j.rootCategory")
                        || (file.endsWith("logging.properties") && k.equals(".level")) || k.equals("logging.level.root")) {
                    isConfig = true;
                    add(inFile, first, file);
                } else if ((k.startsWith("logger.") && k.endsWith(".level")) || k.startsWith("log4j.logger.") || k.startsWith("log4j.category.")
                        || k.startsWith("logging.level.") || (file.endsWith("logging.properties") && k.endsWith(".level"))) {
                    add(inFile, first, file);
                }
            }
            // named loggers count only where the file configures logging (a root level beside them)
            if (isConfig || file.endsWith("logging.properties") || entries.stream().anyMatch(x -> x.key().startsWith("logging.level."))) {
                found.addAll(inFile);
            }
        });
        for (ResourceEntry r : context.program().resources()) {
            if (r.role() != CodeRole.APP || !XML_CONFIG.matcher(r.name()).matches()) continue;
            xml(r, found);
        }
        Threshold min = null;
        for (Threshold t : found) if (min == null || t.level() < min.level()) min = t;
        return min;
    }

    private static void add(List<Threshold> out, String name, String file) {
        int l = level(name);
        if (l >= 0) out.add(new Threshold(l, name.strip().toLowerCase(Locale.ROOT), file));
    }

    /** Root and logger levels of a Log4j 2, Log4j 1 or Logback XML file. */
    private static void xml(ResourceEntry r, List<Threshold> out) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            doc = b.parse(new ByteArrayInputStream(r.bytes()));
        } catch (Exception | StackOverflowError e) {
            return; // not readable as a plain XML file: the configuration stays unknown
        }
        for (String tag : List.of("Root", "root", "AsyncRoot", "Logger", "logger", "AsyncLogger", "category")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (e.hasAttribute("level")) add(out, e.getAttribute("level"), r.name());
                // Log4j 1: <root><priority value="info"/></root>, <logger><level value="debug"/></logger>
                for (String inner : List.of("priority", "level")) {
                    NodeList l = e.getElementsByTagName(inner);
                    for (int k = 0; k < l.getLength(); k++) add(out, ((Element) l.item(k)).getAttribute("value"), r.name());
                }
            }
        }
    }
}
