package dev.triage.analysis.detect;

import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.ClassInfo;
import dev.triage.program.Program;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Android inputs of a scan (APK, AAB, AAR, bare DEX), for findings about an app file as a whole (signing,
 * trackers): such a finding stands at the file's name, line 0.
 */
final class AndroidInputs {
    static final String MANIFEST = "AndroidManifest.xml";

    private AndroidInputs() {
    }

    /** The input an origin comes from: {@code /x/app.apk!/classes.dex!/a/B.class} → {@code /x/app.apk}. */
    static String inputOf(String origin) {
        if (origin == null) return "";
        int cut = origin.indexOf("!/");
        return cut < 0 ? origin : origin.substring(0, cut);
    }

    /** The file name of an input path ({@code /x/app.apk} → {@code app.apk}), as findings on the file name it. */
    static String fileName(String input) {
        String n = input.replace('\\', '/');
        while (n.endsWith("/") && n.length() > 1) n = n.substring(0, n.length() - 1);
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /**
     * Inputs scanned as an Android app: the inputs that hold app resources or app classes (class-path inputs hold
     * neither: their code is library code only) and that hold an Android manifest or DEX code. Sorted.
     */
    static Set<String> of(Program program) {
        Set<String> scanned = new HashSet<>();
        Set<String> android = new HashSet<>();
        for (ResourceEntry r : program.resources()) {
            if (r.role() != CodeRole.APP) continue;
            String in = inputOf(r.origin());
            scanned.add(in);
            if (r.name().equals(MANIFEST)) android.add(in);
        }
        for (Program.AppClass a : program.appClasses()) {
            String in = inputOf(a.info().origin());
            scanned.add(in);
            if (isDex(a.info().origin())) android.add(in);
        }
        for (ClassInfo c : program.libraryClasses()) {
            if (isDex(c.origin())) android.add(inputOf(c.origin()));
        }
        Set<String> out = new TreeSet<>(android);
        out.retainAll(scanned);
        return out;
    }

    /** Code converted from a DEX file: {@code app.apk!/classes2.dex!/a/B.class}, {@code app.dex!/a/B.class}. */
    static boolean isDex(String origin) {
        return origin != null && origin.contains(".dex!/");
    }
}
