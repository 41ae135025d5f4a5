package corpus.secrets;

import java.sql.Connection;
import java.sql.DriverManager;

/** Passwords handed to app helpers by their callers; the sink line is inside the helper. */
public class PasswordHelperCases {
    private static final String URL = "jdbc:postgresql://scheduling-db/appointments";

    /** One caller passes a literal. */
    static Connection connect(String user, String password) throws Exception {
        return DriverManager.getConnection(URL, user, password); // BUG: java/hardcoded-password
    }

    /** Every caller passes a secret from the environment, or the empty password of the demo database. */
    static Connection open(String user, String password) throws Exception {
        return DriverManager.getConnection(URL, user, password);
    }

    public Connection schedulerLegacy() throws Exception {
        return connect("scheduler", "sched-2019");
    }

    public Connection scheduler() throws Exception {
        return connect("scheduler", System.getenv("SCHEDULER_DB_PASSWORD"));
    }

    public Connection reminders() throws Exception {
        return open("reminders", System.getenv("REMINDERS_DB_PASSWORD"));
    }

    public Connection demo() throws Exception {
        return open("sa", "");
    }
}
