package dev.triage.program;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Framework methods an Android app overrides for the system to call: every abstract method of a public framework
 * interface or class, and the overridable {@code on*}, {@code should*}, {@code handle*} and {@code do*} methods of
 * public framework classes (Android 14, from Robolectric's android-all). The platform index has the hierarchy only;
 * this adds the methods that make an app method a lifecycle method or a callback. Bundled as data, kept current by
 * PlatformIndexTest. Loaded on first use.
 */
final class PlatformCallbacks {
    static final String RESOURCE = "/dev/triage/program/platform-callbacks.txt.gz";

    private PlatformCallbacks() {
    }

    private static final class Holder {
        /** class → "name descriptor" of its callback methods. */
        static final Map<String, Set<String>> METHODS = load();
    }

    /** True when the framework class declares this method as one an app overrides. */
    static boolean declares(String className, String name, String descriptor) {
        Set<String> m = Holder.METHODS.get(className);
        return m != null && m.contains(name + " " + descriptor);
    }

    static int size() {
        int n = 0;
        for (Set<String> s : Holder.METHODS.values()) n += s.size();
        return n;
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> out = new HashMap<>();
        try (InputStream in = PlatformCallbacks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split(" ");
                if (f.length != 3) continue;
                out.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1] + " " + f[2]);
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }
}
