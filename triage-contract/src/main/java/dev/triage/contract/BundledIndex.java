package dev.triage.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data files bundled under a resource folder, as the folder's {@code index.list} names them: how the rule
 * catalogue and the models find their YAML files, since a class loader cannot list a folder inside a jar.
 */
public final class BundledIndex {
    private BundledIndex() {
    }

    /**
     * The file names {@code folder + "index.list"} lists, one a line, in order; blank lines and {@code #} comments
     * skipped. A missing index is a broken build, so it fails loudly.
     */
    public static List<String> read(ClassLoader loader, String folder) {
        String index = folder + "index.list";
        List<String> files = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(index)) {
            if (in == null) throw new IllegalStateException("index missing: " + index);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) files.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
