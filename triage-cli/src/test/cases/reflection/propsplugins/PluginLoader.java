package corpus.reflection.propsplugins;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Importer classes from the bundled plugins.properties. */
public class PluginLoader {
    private final Properties props = new Properties();

    public PluginLoader() {
        try (InputStream in = PluginLoader.class.getResourceAsStream("/plugins.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Class<?> goodClassFromFile(HttpServletRequest req) throws Exception {
        req.getParameter("plugin");
        return Class.forName(props.getProperty("plugin.hl7.class"));
    }

    /** The configured package prefix is empty: the whole class name comes from the request. */
    public Class<?> badPackageFromFile(HttpServletRequest req) throws Exception {
        return Class.forName(props.getProperty("plugin.package") + req.getParameter("plugin")); // BUG: java/unsafe-reflection
    }

    /** plugin.selection=fixed: the request branch is dead. */
    public Class<?> goodModeFromFile(HttpServletRequest req) throws Exception {
        String cls = "fixed".equals(props.getProperty("plugin.selection")) ? props.getProperty("plugin.hl7.class") : req.getParameter("plugin");
        return Class.forName(cls);
    }

    /** export.plugin.selection=client: the request branch is live. */
    public Class<?> badModeFromFile(HttpServletRequest req) throws Exception {
        String cls = "fixed".equals(props.getProperty("export.plugin.selection")) ? props.getProperty("plugin.hl7.class") : req.getParameter("plugin");
        return Class.forName(cls); // BUG: java/unsafe-reflection
    }
}
