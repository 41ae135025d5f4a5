package corpus.pathtraversal.propsstorage;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Export folders configured in the bundled storage.properties (jakarta.servlet). */
public class ExportStorage {
    private final Properties props = new Properties();

    public ExportStorage() {
        try (InputStream in = ExportStorage.class.getResourceAsStream("/storage.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] goodPathFromFile(HttpServletRequest req) throws IOException {
        req.getParameter("export");
        return Files.readAllBytes(Path.of(props.getProperty("export.dir"), props.getProperty("export.latest")));
    }

    public byte[] badDirFromFileNameFromRequest(HttpServletRequest req) throws IOException {
        return Files.readAllBytes(Path.of(props.getProperty("export.dir"), req.getParameter("export"))); // BUG: java/path-traversal
    }

    /** export.naming=fixed: the request branch is dead. */
    public byte[] goodNamingFromFile(HttpServletRequest req) throws IOException {
        String name = "fixed".equals(props.getProperty("export.naming")) ? "latest.csv" : req.getParameter("export");
        return Files.readAllBytes(Path.of(props.getProperty("export.dir"), name));
    }

    /** import.naming=client: the request branch is live. */
    public byte[] badNamingFromFile(HttpServletRequest req) throws IOException {
        String name = "fixed".equals(props.getProperty("import.naming")) ? "latest.csv" : req.getParameter("import");
        return Files.readAllBytes(Path.of("/var/portal/imports", name)); // BUG: java/path-traversal
    }
}
