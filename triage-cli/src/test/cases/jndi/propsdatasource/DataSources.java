package corpus.jndi.propsdatasource;

import javax.naming.InitialContext;
import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Data-source names from the bundled datasource.properties. */
public class DataSources {
    private final Properties props = new Properties();

    public DataSources() {
        try (InputStream in = DataSources.class.getResourceAsStream("/datasource.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object goodNameFromFile(HttpServletRequest req) throws Exception {
        req.getParameter("ds");
        return new InitialContext().lookup(props.getProperty("datasource.records"));
    }

    public Object badPrefixFromFilePlusParam(HttpServletRequest req) throws Exception {
        return new InitialContext().lookup(props.getProperty("datasource.provider.prefix") + req.getParameter("host")); // BUG: java/jndi-injection
    }

    /** datasource.selection=fixed: the request branch is dead. */
    public Object goodModeFromFile(HttpServletRequest req) throws Exception {
        String name = "fixed".equals(props.getProperty("datasource.selection")) ? props.getProperty("datasource.records") : req.getParameter("ds");
        return new InitialContext().lookup(name);
    }

    /** reporting.selection=client: the request branch is live. */
    public Object badModeFromFile(HttpServletRequest req) throws Exception {
        String name = "fixed".equals(props.getProperty("reporting.selection")) ? props.getProperty("datasource.records") : req.getParameter("ds");
        return new InitialContext().lookup(name); // BUG: java/jndi-injection
    }
}
