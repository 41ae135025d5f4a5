package dev.triage.program;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The type hierarchy of common server APIs (Servlet, JAX-RS, Spring Web and JDBC, JPA, Hibernate)
 * as data, so that a war that does not bundle them (they are "provided" by the container) still has
 * a known hierarchy: a call on {@code HttpServletRequest} is a call on a {@code ServletRequest}.
 * Headers only (no methods). Bundled, refreshed from the real jars by PlatformIndexTest.
 */
final class PlatformIndex {
    static final String RESOURCE = "/dev/triage/program/platform-hierarchy.txt.gz";
    private static final Map<String, ClassInfo> CLASSES = load();

    private PlatformIndex() {
    }

    static ClassInfo find(String name) {
        return CLASSES.get(name);
    }

    static int size() {
        return CLASSES.size();
    }

    /** Line format: {@code name super interface,interface access origin}; "-" for none. */
    static ClassInfo parse(String line) {
        String[] f = line.split(" ");
        List<String> itfs = f[2].equals("-") ? List.of() : Arrays.asList(f[2].split(","));
        return new ClassInfo(f[0], f[1].equals("-") ? null : f[1], itfs, Integer.parseInt(f[3]), null, null,
                "platform:" + f[4], List.of(), List.of(), List.of());
    }

    private static Map<String, ClassInfo> load() {
        Map<String, ClassInfo> out = new HashMap<>();
        try (InputStream in = PlatformIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                ClassInfo c = parse(line);
                out.put(c.name(), c);
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }
}
