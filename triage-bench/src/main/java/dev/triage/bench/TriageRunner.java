package dev.triage.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code java -Xmx<heap> -jar triage.jar scan <app.jar> -cp <library jars> -f json -o <dir> --no-progress -q}.
 * The library jars (javax.servlet-api, ...) are the same ones SpotBugs gets as -auxclasspath.
 */
public final class TriageRunner implements ToolRunner {

    private final String name;
    private final Path triageJar;
    private final String heap;
    private final String java;

    public TriageRunner(Path triageJar, String heap, String java) {
        this("triage", triageJar, heap, java);
    }

    /** A named Triage: {@code baseline} is an older build measured in the same invocation. */
    public TriageRunner(String name, Path triageJar, String heap, String java) {
        this.name = name;
        this.triageJar = triageJar;
        this.heap = heap;
        this.java = java;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unavailableReason() {
        if (triageJar == null || !Files.isRegularFile(triageJar)) {
            return "triage.jar not found (" + triageJar + "): build it with `mvn -q -DskipTests package` "
                + "or pass --triage-jar";
        }
        return null;
    }

    @Override
    public String describe() {
        return "Triage " + triageJar + " | java -Xmx" + heap + " -jar triage.jar scan <app.jar> -cp <libs> -f json "
            + "-o <dir> --no-progress -q";
    }

    @Override
    public Result run(AppGenerator.App app, Path runDir, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = runDir.resolve("triage-out");
        AppGenerator.deleteTree(out);
        Files.createDirectories(out);
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-jar", triageJar.toString(), "scan",
            app.jar().toString()));
        if (!app.libraries().isEmpty()) {
            cmd.add("-cp");
            cmd.add(app.libraries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        cmd.addAll(List.of("-f", "json", "-o", out.toString(), "--no-progress", "-q"));
        ProcessMeter.Measurement m = ProcessMeter.run(cmd, runDir.resolve("triage.log"), timeoutSeconds);
        Path json = out.resolve("triage.json");
        int findings = -1;
        String note = "";
        if (m.timedOut()) {
            note = "timed out";
        } else if (m.exitCode() != 0 && m.exitCode() != 1) {
            note = "exit " + m.exitCode() + ", see " + runDir.resolve("triage.log");
        }
        if (Files.isRegularFile(json)) {
            try {
                findings = countFindings(MiniJson.parse(Files.readString(json)));
            } catch (RuntimeException e) {
                note = (note.isEmpty() ? "" : note + "; ") + "unreadable triage.json: " + e.getMessage();
            }
        } else if (note.isEmpty()) {
            note = "no triage.json";
        }
        return new Result(name(), m, findings, note);
    }

    /** The size of the top-level "findings" array (or of the top-level array). */
    static int countFindings(Object json) {
        if (json instanceof List<?> list) {
            return list.size();
        }
        if (json instanceof Map<?, ?> map) {
            Object f = map.get("findings");
            if (f instanceof List<?> list) {
                return list.size();
            }
            for (Object v : map.values()) { // e.g. {"runs": ...} or {"result": {"findings": [...]}}
                if (v instanceof Map<?, ?>) {
                    int n = countFindings(v);
                    if (n >= 0) {
                        return n;
                    }
                }
            }
        }
        return -1;
    }
}
