package corpus.logforging;

import javax.servlet.http.HttpServletRequest;

/**
 * A server's standard output is its own log file, not a phone's shared device log: android/sensitive-data-logged
 * (System.out as logcat) holds for Android apps only.
 */
public class ServerConsoleCases {
    public static class PatientRecord {
        private final String patientName;

        public PatientRecord(String patientName) {
            this.patientName = patientName;
        }

        public String getPatientName() {
            return patientName;
        }
    }

    public void goodServerConsole(PatientRecord record) {
        System.out.println("exporting record of " + record.getPatientName());
    }

    public void goodServerConsoleRequest(HttpServletRequest req) {
        System.out.println("export requested " + req.getParameter("format").length());
    }
}
