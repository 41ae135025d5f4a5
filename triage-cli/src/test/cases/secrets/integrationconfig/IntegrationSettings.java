package corpus.secrets.integrationconfig;

import java.io.InputStream;
import java.util.Properties;

/** Loads the integration settings; the secrets are in the file, not in code. */
public class IntegrationSettings {
    public Properties load() throws Exception {
        Properties p = new Properties();
        try (InputStream in = IntegrationSettings.class.getResourceAsStream("/integration.properties")) {
            p.load(in);
        }
        return p;
    }
}
