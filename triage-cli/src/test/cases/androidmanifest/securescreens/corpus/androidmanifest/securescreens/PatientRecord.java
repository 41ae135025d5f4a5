package corpus.androidmanifest.securescreens;

/** The app's own patient model. */
public class PatientRecord {
    private final String diagnosis;

    public PatientRecord(String diagnosis) {
        this.diagnosis = diagnosis;
    }

    public String getDiagnosis() {
        return diagnosis;
    }
}
