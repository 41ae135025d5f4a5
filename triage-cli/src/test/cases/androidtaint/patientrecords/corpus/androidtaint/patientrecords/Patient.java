package corpus.androidtaint.patientrecords;

/** The app's own model of a patient. */
public final class Patient {
    private final String name;
    private final String dateOfBirth;
    private final String diagnosis;
    private final int visitCount;

    public Patient(String name, String dateOfBirth, String diagnosis, int visitCount) {
        this.name = name;
        this.dateOfBirth = dateOfBirth;
        this.diagnosis = diagnosis;
        this.visitCount = visitCount;
    }

    public String getName() {
        return name;
    }

    public String getDateOfBirth() {
        return dateOfBirth;
    }

    public String getDiagnosis() {
        return diagnosis;
    }

    public int getVisitCount() {
        return visitCount;
    }
}
