package corpus.secrets.columnmapping;

import java.io.InputStream;
import java.util.Properties;

/**
 * A patient portal's user database settings: which table and which columns hold the users (the password key names
 * the column that stores the password hash, so its value is a column name), and the database's own credentials.
 */
public class UserTableSettings {
    public Properties load() throws Exception {
        Properties p = new Properties();
        try (InputStream in = UserTableSettings.class.getResourceAsStream("/userdb.properties")) {
            p.load(in);
        }
        return p;
    }
}
