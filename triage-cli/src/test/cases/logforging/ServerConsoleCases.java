package corpus.logforging;

import javax.servlet.http.HttpServletRequest;

/**
 * A server's standard output is its own log file, not a phone's shared device log: android/sensitive-data-logged
 * (System.out as logcat) holds for Android apps only, while patient data printed there is in the server's log
 * (java/phi-logged); a request value's length is neither.
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

    public void badServerConsole(PatientRecord record) {
        System.out.println("exporting record of " + record.getPatientName()); // BUG: java/phi-logged
    }

    public void goodServerConsoleRequest(HttpServletRequest req) {
        System.out.println("export requested " + req.getParameter("format").length());
    }
}
