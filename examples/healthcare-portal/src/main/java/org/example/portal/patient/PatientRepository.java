package org.example.portal.patient;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.example.portal.auth.PasswordHasher;
import org.example.portal.config.PortalConfig;

/**
 * Patient records. The portal keeps a small in-memory demo set; the reporting methods open a JDBC
 * connection to the clinic database.
 */
public class PatientRepository {

    private static final String REPORTING_URL = "jdbc:postgresql://reports.internal:5432/portal_reports";
    private static final PatientRepository SHARED = new PatientRepository();

    private final Map<String, Patient> byId = new ConcurrentHashMap<>();
    private final Properties config = PortalConfig.load();

    public PatientRepository() {
        PasswordHasher hasher = new PasswordHasher();
        add(demoPatient(hasher, "p-1001", "ada", "Ada", "Byron", LocalDate.of(1985, 12, 10), "MRN-448201"));
        add(demoPatient(hasher, "p-1002", "grace", "Grace", "Hopper", LocalDate.of(1976, 12, 9), "MRN-448202"));
    }

    public static PatientRepository shared() {
        return SHARED;
    }

    public Optional<Patient> findById(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Patient> findByUsername(String username) {
        return byId.values().stream().filter(p -> p.username().equals(username)).findFirst();
    }

    public void add(Patient patient) {
        byId.put(patient.id(), patient);
    }

    /** Legacy nightly report: the database password is written into the code. */
    public Connection openReportingConnection() throws SQLException {
        return DriverManager.getConnection(REPORTING_URL, "portal_reports", "Rep0rts!2023"); // BUG: java/hardcoded-password
    }

    /** Safe twin: the password comes from the environment at run time. */
    public Connection openReportingConnectionFromEnv() throws SQLException {
        return DriverManager.getConnection(REPORTING_URL, "portal_reports", System.getenv("PORTAL_REPORTS_DB_PASSWORD"));
    }

    /**
     * Main connection from the bundled portal.properties. Its db.password is a literal, which
     * config/hardcoded-secret reports on the properties file; this call itself is not a hard-coded password.
     */
    public Connection openConnection() throws SQLException {
        String url = config.getProperty("db.url");
        String user = config.getProperty("db.user");
        return DriverManager.getConnection(url, user, config.getProperty("db.password"));
    }

    private static Patient demoPatient(PasswordHasher hasher, String id, String username, String given, String family,
            LocalDate birthDate, String mrn) {
        byte[] salt = hasher.newSalt();
        String demoPassword = System.getenv("PORTAL_DEMO_PASSWORD");
        if (demoPassword == null) {
            // No demo password configured: the account exists but nobody can sign in to it.
            return new Patient(id, username, given, family, birthDate, mrn, salt, new byte[0]);
        }
        try {
            return new Patient(id, username, given, family, birthDate, mrn, salt, hasher.hash(demoPassword.toCharArray(), salt));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
