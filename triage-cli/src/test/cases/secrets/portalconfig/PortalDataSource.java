package corpus.secrets.portalconfig;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

/**
 * Connects with the password of the bundled application.properties. The literal lives in the file, which
 * config/hardcoded-secret reports; the call itself is not java/hardcoded-password.
 */
public class PortalDataSource {
    public Connection connect() throws Exception {
        Properties p = new Properties();
        try (InputStream in = PortalDataSource.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return DriverManager.getConnection(p.getProperty("spring.datasource.url"),
                p.getProperty("spring.datasource.username"), p.getProperty("spring.datasource.password"));
    }

    public int minimumPasswordLength(Properties p) {
        return Integer.parseInt(p.getProperty("password.min-length", "12"));
    }
}
