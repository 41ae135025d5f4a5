package corpus.secrets;

import javax.crypto.spec.PBEKeySpec;
import javax.naming.Context;
import javax.naming.InitialContext;
import java.io.InputStream;
import java.net.PasswordAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Hashtable;
import java.util.Properties;

/** Database, directory and key-store access of the records service. */
public class HardcodedPasswordCases {
    private static final String DB_URL = "jdbc:postgresql://records-db:5432/patients";
    private static final String DB_PASSWORD = "Records#2024";
    private static final String KEYSTORE_PASSWORD = "changeit";

    /** A tiny pooled data source configuration of the app. */
    static class PooledDataSourceConfig {
        private String user;
        private String password;

        void setUser(String user) {
            this.user = user;
        }

        void setPassword(String password) {
            this.password = password;
        }

        String describe() {
            return user + (password == null ? "" : "***");
        }
    }

    public Connection badLiteral() throws Exception {
        return DriverManager.getConnection(DB_URL, "portal", "Pa55word!"); // BUG: java/hardcoded-password
    }

    public Connection badConstant() throws Exception {
        return DriverManager.getConnection(DB_URL, "portal", DB_PASSWORD); // BUG: java/hardcoded-password
    }

    public Connection badConcatenation() throws Exception {
        String season = "Winter";
        return DriverManager.getConnection(DB_URL, "reporting", season + "2024!"); // BUG: java/hardcoded-password
    }

    public Connection badStringBuilder() throws Exception {
        String pw = new StringBuilder("lab").append("-").append("reader").append(42).toString();
        return DriverManager.getConnection(DB_URL, "lab_reader", pw); // BUG: java/hardcoded-password
    }

    private static String replicaPassword() {
        return "replica-Secret1";
    }

    public Connection badHelperReturn() throws Exception {
        return DriverManager.getConnection(DB_URL, "replica", replicaPassword()); // BUG: java/hardcoded-password
    }

    public PasswordAuthentication badPasswordAuthentication() {
        return new PasswordAuthentication("hl7-feed", "feedPass!".toCharArray()); // BUG: java/hardcoded-password
    }

    public KeyStore badKeyStoreLoad(InputStream in) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(in, KEYSTORE_PASSWORD.toCharArray()); // BUG: java/hardcoded-password
        return ks;
    }

    public Key badKeyStoreGetKey(KeyStore ks) throws Exception {
        return ks.getKey("records-signing", "s1gning-key".toCharArray()); // BUG: java/hardcoded-password
    }

    public PBEKeySpec badPbeKeySpec(byte[] salt) {
        return new PBEKeySpec("export-passphrase".toCharArray(), salt, 210_000, 256); // BUG: java/hardcoded-password
    }

    public PooledDataSourceConfig badSetPassword() {
        PooledDataSourceConfig cfg = new PooledDataSourceConfig();
        cfg.setUser("billing");
        cfg.setPassword("B1lling!"); // BUG: java/hardcoded-password
        return cfg;
    }

    public Connection badJdbcProperties() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "audit");
        p.setProperty("password", "audit-trail-9"); // BUG: java/hardcoded-password
        return DriverManager.getConnection(DB_URL, p);
    }

    public Connection badJdbcPropertiesPut() throws Exception {
        Properties p = new Properties();
        p.put("user", "audit");
        p.put("password", "audit-trail-9"); // BUG: java/hardcoded-password
        return DriverManager.getConnection(DB_URL, p);
    }

    public Context badLdapCredentials() throws Exception {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.SECURITY_PRINCIPAL, "cn=portal,ou=services,dc=clinic,dc=example");
        env.put(Context.SECURITY_CREDENTIALS, "ldap-Portal-1"); // BUG: java/hardcoded-password
        return new InitialContext(env);
    }

    // ---- good ----

    public Connection goodFromEnvironment() throws Exception {
        return DriverManager.getConnection(DB_URL, "portal", System.getenv("DB_PASSWORD"));
    }

    /** The embedded test database of the demo mode has no password. */
    public Connection goodEmptyPassword() throws Exception {
        return DriverManager.getConnection("jdbc:h2:mem:demo", "sa", "");
    }

    public Connection goodFromFile(Path secretFile) throws Exception {
        String pw = Files.readString(secretFile).strip();
        return DriverManager.getConnection(DB_URL, "portal", pw);
    }

    public KeyStore goodKeyStoreFromEnvironment(InputStream in) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(in, System.getenv("KEYSTORE_PASSWORD").toCharArray());
        return ks;
    }

    public KeyStore goodKeyStoreNoPassword() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        return ks;
    }

    public PBEKeySpec goodPbeFromUser(char[] passphraseTypedByClinician, byte[] salt) {
        return new PBEKeySpec(passphraseTypedByClinician, salt, 210_000, 256);
    }

    public PooledDataSourceConfig goodSetPassword() {
        PooledDataSourceConfig cfg = new PooledDataSourceConfig();
        cfg.setUser("billing");
        cfg.setPassword(System.getenv("BILLING_DB_PASSWORD"));
        return cfg;
    }

    /** "password" here is a property name only; the value comes from the environment. */
    public Connection goodJdbcProperties() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "audit");
        p.setProperty("password", System.getenv("AUDIT_DB_PASSWORD"));
        return DriverManager.getConnection(DB_URL, p);
    }

    /** A literal that is not a password: the name of the login form field. */
    public Properties goodFormFieldName() {
        Properties p = new Properties();
        p.setProperty("password.field", "pwd");
        return p;
    }
}
