package dev.triage.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SpotBugs with the FindSecBugs plugin, in FindSecBugs' recommended configuration (its README's Maven setup):
 * effort max, threshold low, and an include filter that keeps only the SECURITY category:
 * <pre>
 * java -Xmx&lt;heap&gt; -cp &lt;spotbugs-lib/*&gt; edu.umd.cs.findbugs.FindBugs2
 *      -pluginList findsecbugs-plugin.jar -effort:max -low -include security-only.xml
 *      -xml:withMessages -output spotbugs.xml -auxclasspath &lt;library jars&gt; -noClassOk app.jar
 * </pre>
 */
public final class SpotBugsRunner implements ToolRunner {

    private final Path libDir;
    private final String heap;
    private final String java;
    private final String effort;
    private final String threshold;
    private final boolean securityOnly;

    public SpotBugsRunner(Path libDir, String heap, String java, String effort, String threshold, boolean securityOnly) {
        this.libDir = libDir;
        this.heap = heap;
        this.java = java;
        this.effort = effort;
        this.threshold = threshold;
        this.securityOnly = securityOnly;
    }

    @Override
    public String name() {
        return "spotbugs";
    }

    @Override
    public String unavailableReason() {
        if (libDir == null || !Files.isDirectory(libDir)) {
            return "SpotBugs jars not found (" + libDir + "): build triage-bench with `mvn -q -DskipTests package`";
        }
        if (jar("spotbugs-").isEmpty() || jar("findsecbugs-plugin-").isEmpty()) {
            return "spotbugs or findsecbugs-plugin jar missing in " + libDir;
        }
        return null;
    }

    @Override
    public String describe() {
        return "SpotBugs " + version("spotbugs-") + " + FindSecBugs " + version("findsecbugs-plugin-")
            + " | java -Xmx" + heap + " FindBugs2 -pluginList findsecbugs -effort:" + effort + " -" + threshold
            + (securityOnly ? " -include <category SECURITY>" : "") + " -xml:withMessages -auxclasspath <libs> <app.jar>";
    }

    @Override
    public Result run(AppGenerator.App app, Path runDir, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        Path xml = runDir.resolve("spotbugs.xml");
        Files.deleteIfExists(xml);
        String classpath;
        try (Stream<Path> s = Files.list(libDir)) {
            classpath = s.filter(p -> p.toString().endsWith(".jar")).filter(p -> !p.getFileName().toString()
                .startsWith("findsecbugs-plugin-")).sorted().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        }
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", classpath,
            "edu.umd.cs.findbugs.FindBugs2", // FindBugs2 is the text UI; -textui belongs to LaunchAppropriateUI
            "-pluginList", jar("findsecbugs-plugin-").orElseThrow().toString(),
            "-effort:" + effort, "-" + threshold));
        if (securityOnly) {
            Path filter = runDir.resolve("security-only.xml");
            Files.writeString(filter, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FindBugsFilter>\n"
                + "  <Match><Bug category=\"SECURITY\"/></Match>\n</FindBugsFilter>\n");
            cmd.add("-include");
            cmd.add(filter.toString());
        }
        cmd.addAll(List.of("-xml:withMessages", "-output", xml.toString()));
        if (!app.libraries().isEmpty()) {
            cmd.add("-auxclasspath");
            cmd.add(app.libraries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        cmd.add("-noClassOk");
        cmd.add(app.jar().toString());
        ProcessMeter.Measurement m = ProcessMeter.run(cmd, runDir.resolve("spotbugs.log"), timeoutSeconds);
        int findings = -1;
        String note = "";
        if (m.timedOut()) {
            note = "timed out";
        } else if (m.exitCode() != 0) {
            note = "exit " + m.exitCode() + ", see " + runDir.resolve("spotbugs.log");
        }
        if (Files.isRegularFile(xml)) {
            int[] counts = countBugs(xml);
            findings = counts[0];
            note = (note.isEmpty() ? "" : note + "; ") + "SECURITY " + counts[1] + ", analysed classes " + counts[2];
        } else if (note.isEmpty()) {
            note = "no spotbugs.xml";
        }
        return new Result(name(), m, findings, note);
    }

    /** {all BugInstances, those of category SECURITY, analysed classes from FindBugsSummary}. */
    static int[] countBugs(Path xml) throws IOException {
        int[] c = new int[3];
        try (InputStream in = Files.newInputStream(xml)) {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser parser = f.newSAXParser();
            parser.parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    if ("BugInstance".equals(qName)) {
                        c[0]++;
                        if ("SECURITY".equals(atts.getValue("category"))) {
                            c[1]++;
                        }
                    } else if ("FindBugsSummary".equals(qName) && atts.getValue("total_classes") != null) {
                        c[2] = Integer.parseInt(atts.getValue("total_classes"));
                    }
                }
            });
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot read " + xml + ": " + e.getMessage(), e);
        }
        return c;
    }

    private Optional<Path> jar(String prefix) {
        if (libDir == null || !Files.isDirectory(libDir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(libDir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".jar") && Character.isDigit(n.charAt(prefix.length()));
            }).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String version(String prefix) {
        return jar(prefix).map(p -> {
            String n = p.getFileName().toString();
            return n.substring(prefix.length(), n.length() - 4);
        }).orElse("?");
    }
}
