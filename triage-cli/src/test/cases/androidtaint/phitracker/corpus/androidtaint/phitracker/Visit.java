package corpus.androidtaint.phitracker;

/** A visit as the app holds it: its id is opaque, its diagnosis and the patient's name are PHI. */
public class Visit {
    private final String id;
    private final String diagnosis;
    private final String patientName;
    private final int medicationCount;

    public Visit(String id, String diagnosis, String patientName, int medicationCount) {
        this.id = id;
        this.diagnosis = diagnosis;
        this.patientName = patientName;
        this.medicationCount = medicationCount;
    }

    public String getId() {
        return id;
    }

    public String getDiagnosis() {
        return diagnosis;
    }

    public String getPatientName() {
        return patientName;
    }

    public int getMedicationCount() {
        return medicationCount;
    }
}
