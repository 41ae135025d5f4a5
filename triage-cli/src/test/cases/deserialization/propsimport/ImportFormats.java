package corpus.deserialization.propsimport;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** The import wire format is chosen in the bundled import.properties. */
public class ImportFormats {
    private final Properties props = new Properties();

    public ImportFormats() {
        try (InputStream in = ImportFormats.class.getResourceAsStream("/import.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** import.format=json: the Java-serialization branch is dead. */
    public Object goodFormatFromFile(HttpServletRequest req) throws Exception {
        if ("java".equals(props.getProperty("import.format"))) {
            return new ObjectInputStream(req.getInputStream()).readObject();
        }
        return new ObjectMapper().readValue(req.getInputStream(), Map.class);
    }

    /** legacy.import.format=java: the Java-serialization branch is live. */
    public Object badLegacyFormatFromFile(HttpServletRequest req) throws Exception {
        if ("java".equals(props.getProperty("legacy.import.format"))) {
            return new ObjectInputStream(req.getInputStream()).readObject(); // BUG: java/unsafe-deserialization
        }
        return new ObjectMapper().readValue(req.getInputStream(), Map.class);
    }

    /** The key is absent: the "json" default decides. */
    public Object goodAbsentKeyDefault(HttpServletRequest req) throws Exception {
        if ("java".equals(props.getProperty("archive.import.format", "json"))) {
            return new ObjectInputStream(req.getInputStream()).readObject();
        }
        return new ObjectMapper().readValue(req.getInputStream(), Map.class);
    }

    /** The key is absent: the "java" default decides. */
    public Object badAbsentKeyDefault(HttpServletRequest req) throws Exception {
        if ("java".equals(props.getProperty("partner.import.format", "java"))) {
            return new ObjectInputStream(req.getInputStream()).readObject(); // BUG: java/unsafe-deserialization
        }
        return new ObjectMapper().readValue(req.getInputStream(), Map.class);
    }
}
