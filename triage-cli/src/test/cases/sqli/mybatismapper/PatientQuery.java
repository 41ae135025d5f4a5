package corpus.sqli.mybatismapper;

/** A search form bound from the request. */
public class PatientQuery {
    private String lastName;

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }
}
