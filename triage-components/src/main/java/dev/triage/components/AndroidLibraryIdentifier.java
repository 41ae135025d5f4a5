package dev.triage.components;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Hook for identifying libraries that were merged into an app's own code, as in an Android APK's
 * DEX files where no jar, pom.properties or manifest survives: a library is recognised by the
 * package prefixes of its classes. Data file: {@code dev/triage/components/android-prefixes.tsv}
 * ({@code prefix<TAB>group:artifact}). Not used by the Java web app scan; the Android issue wires it in.
 */
public interface AndroidLibraryIdentifier {

    /** A library recognised from package prefixes; the version is unknown at this level. */
    record Match(String groupId, String artifactId, String prefix) {
    }

    /** Libraries whose package prefixes occur among the given internal class names. */
    List<Match> identify(Collection<String> internalClassNames);

    /** The built-in prefix table. */
    static AndroidLibraryIdentifier builtIn() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = AndroidLibraryIdentifier.class.getResourceAsStream("android-prefixes.tsv")) {
            if (in != null) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] p = line.split("\t");
                    if (p.length == 2 && p[1].contains(":")) rows.add(new String[]{p[0].replace('.', '/'), p[1]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names -> {
            List<Match> out = new ArrayList<>();
            for (String[] row : rows) {
                Optional<String> hit = names.stream().filter(n -> n.startsWith(row[0] + "/")).findFirst();
                if (hit.isPresent()) {
                    String[] ga = row[1].split(":", 2);
                    out.add(new Match(ga[0], ga[1], row[0].replace('/', '.')));
                }
            }
            return out;
        };
    }
}
