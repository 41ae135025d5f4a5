package corpus.heapflow.referrals;

/** A referral built from the request in one method and read in others. */
public class Referral {
    private final String patientName;
    private final String clinic;
    private final int priority;

    public Referral(String patientName, String clinic, int priority) {
        this.patientName = patientName;
        this.clinic = clinic;
        this.priority = priority;
    }

    public String getPatientName() {
        return patientName;
    }

    public String getClinic() {
        return clinic;
    }

    public int getPriority() {
        return priority;
    }
}
