package corpus.keys.propskeys;

import java.io.InputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Properties;

/** Key sizes of the backup archive come from the bundled keys.properties. */
public class BackupKeys {
    private final Properties props = new Properties();

    public BackupKeys() throws Exception {
        try (InputStream in = BackupKeys.class.getResourceAsStream("/keys.properties")) {
            props.load(in);
        }
    }

    public KeyPair badFromFile() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(props.getProperty("keys.pair.algorithm"));
        g.initialize(Integer.parseInt(props.getProperty("keys.pair.size"))); // BUG: java/short-key
        return g.generateKeyPair();
    }

    public KeyPair goodFromFile() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(props.getProperty("keys.pair.algorithm"));
        g.initialize(Integer.parseInt(props.getProperty("keys.pair.strong-size")));
        return g.generateKeyPair();
    }

    public KeyPair badAbsentKeyWeakDefault() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
        g.initialize(Integer.parseInt(props.getProperty("keys.dsa.size", "1024"))); // BUG: java/short-key
        return g.generateKeyPair();
    }

    public KeyPair goodAbsentKeyStrongDefault() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
        g.initialize(Integer.parseInt(props.getProperty("keys.dsa.size", "2048")));
        return g.generateKeyPair();
    }
}
