package corpus.lowersources.switchedon;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Input a user, an operator or another system controls, followed when the scan switches these kinds on. */
public class LowerSourceCases {
    private final Connection db;

    public LowerSourceCases(Connection db) {
        this.db = db;
    }

    /** command-line: main's arguments. */
    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().exec(args[0]); // BUG: java/command-injection
        Runtime.getRuntime().exec("backup --all");
        Runtime.getRuntime().exec("backup --days " + Integer.parseInt(args[1]));
    }

    /** environment: a variable of the process's environment. */
    public void environment() throws Exception {
        Runtime.getRuntime().exec(System.getenv("REPORT_CMD")); // BUG: java/command-injection
        Runtime.getRuntime().exec(new String[] {"report", "--format", "pdf"});
    }

    /** system-property: a -D property. */
    public java.io.OutputStream systemProperty() throws java.io.IOException {
        File dir = new File(System.getProperty("export.dir"), "out.csv");
        File fixed = new File("/var/export", "out.csv");
        return new java.io.FileOutputStream(dir.exists() ? dir : fixed); // BUG: java/path-traversal
    }

    /** file: the content of a file. */
    public ResultSet file(Path query) throws Exception {
        String where = Files.readString(query);
        Statement st = db.createStatement();
        st.executeQuery("SELECT * FROM visits WHERE " + where); // BUG: java/sql-injection
        return st.executeQuery("SELECT * FROM visits WHERE id = " + Integer.parseInt(where.trim()));
    }

    /** socket: a line read from a connection. */
    public Object socket(Socket peer) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(peer.getInputStream()));
        String type = in.readLine();
        Class<?> chosen = Class.forName(type); // BUG: java/unsafe-reflection
        Class<?> known = Class.forName("java.util.ArrayList");
        return chosen == known ? known : chosen;
    }

    /** database: a value read back from the database (second order). */
    public void database() throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT cmd FROM jobs")) {
            while (rs.next()) {
                Runtime.getRuntime().exec(rs.getString("cmd")); // BUG: java/command-injection
                Runtime.getRuntime().exec("job --id " + rs.getInt("id"));
            }
        }
    }
}
