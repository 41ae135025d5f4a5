package corpus.lowersources.offbydefault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The same reads as lowersources/switchedon, scanned with the default source kinds: the environment, -D properties,
 * command-line arguments, the console, files, URL connections and database values are not
 * followed, so nothing here is reported.
 */
public class DefaultSourceCases {
    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().exec(args[0]);
    }

    public void environment() throws Exception {
        Runtime.getRuntime().exec(System.getenv("REPORT_CMD"));
    }

    public ResultSet file(Connection db, Path query) throws Exception {
        Statement st = db.createStatement();
        return st.executeQuery("SELECT * FROM visits WHERE " + Files.readString(query));
    }

    public void console() throws Exception {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        Runtime.getRuntime().exec(in.readLine());
    }

    public void urlConnection() throws Exception {
        java.net.URLConnection c = new java.net.URL("https://exports.example.org/manifest").openConnection();
        Runtime.getRuntime().exec(new String(c.getInputStream().readAllBytes()));
    }

    public void database(Connection db) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT cmd FROM jobs")) {
            while (rs.next()) Runtime.getRuntime().exec(rs.getString("cmd"));
        }
    }
}
