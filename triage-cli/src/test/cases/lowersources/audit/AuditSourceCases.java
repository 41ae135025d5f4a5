package corpus.lowersources.audit;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;

/** The records export tool: run by an operator, reading the console, a remote manifest and a settings file. */
public class AuditSourceCases {
    private static final Set<String> TABLES = Set.of("visits", "notes");

    public void badConsoleLine(Connection db) throws IOException, SQLException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String table = in.readLine();
        try (Statement st = db.createStatement()) {
            st.executeQuery("SELECT * FROM " + table); // BUG: java/sql-injection
        }
    }

    public void badConsoleReadLine(Connection db) throws SQLException {
        Console console = System.console();
        String where = console.readLine("Filter: ");
        try (Statement st = db.createStatement()) {
            st.executeQuery("SELECT * FROM visits WHERE " + where); // BUG: java/sql-injection
        }
    }

    public void badUrlConnection() throws IOException {
        URLConnection c = new URL("https://exports.example.org/manifest").openConnection();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
            String command = r.readLine();
            Runtime.getRuntime().exec(command); // BUG: java/command-injection
        }
    }

    public void goodConsoleAllowList(Connection db) throws IOException, SQLException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String table = in.readLine();
        if (!TABLES.contains(table)) return;
        try (Statement st = db.createStatement()) {
            st.executeQuery("SELECT * FROM " + table);
        }
    }

    public void goodConsoleNumber(Connection db) throws IOException, SQLException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int limit = Integer.parseInt(in.readLine());
        try (Statement st = db.createStatement()) {
            st.executeQuery("SELECT * FROM visits FETCH FIRST " + limit + " ROWS ONLY");
        }
    }

    public void goodPropertiesDefaultOnly() throws IOException {
        Properties defaults = new Properties();
        Runtime.getRuntime().exec(defaults.getProperty("post.export.command", "/usr/bin/true"));
    }

    public void badCommandFromPropertiesFile(String configFile) throws IOException {
        Properties settings = new Properties();
        try (InputStream in = new FileInputStream(configFile)) {
            settings.load(in);
        }
        Runtime.getRuntime().exec(settings.getProperty("post.export.command")); // BUG: java/command-injection
    }
}
