package dev.triage.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of Triage, from the build: what every scan result, stored scan and report records as the tool that made
 * it. Here at the bottom so that the command line and the Spark job (which runs the command line's workers but does
 * not compile against it) read it from one place.
 */
public final class TriageVersion {
    private TriageVersion() {
    }

    /** The build's version, or {@code dev} when the classes were not built by Maven (an IDE's output). */
    public static String get() {
        try (InputStream in = TriageVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
