package corpus.authz.guardedservices;

import java.util.ArrayList;
import java.util.List;

public class PatientServiceImpl implements PatientService {
    private final List<Patient> store = new ArrayList<>();

    @Override
    public Patient getPatient(int id) {
        return store.get(id);
    }

    @Override
    public List<Encounter> getEncounters(int patientId) {
        return new ArrayList<>();
    }

    @Override
    public Patient savePatient(Patient p) {
        store.add(p);
        return p;
    }

    @Override
    public int countPatients() {
        return store.size();
    }

    @Override
    public List<Patient> findPatientsByName(String name) {
        List<Patient> out = new ArrayList<>(); // BUG: java/missing-authorization
        for (Patient p : store) if (p.name.equals(name)) out.add(p);
        return out;
    }

    @Override
    public Patient getPatientByIdentifier(String identifier) {
        return store.isEmpty() ? null : store.get(identifier.length() % store.size()); // BUG: java/missing-authorization
    }

    @Override
    public Encounter[] getEncountersByVisit(int visitId) {
        return new Encounter[visitId > 0 ? 1 : 0]; // BUG: java/missing-authorization
    }

    @Override
    public java.util.Optional<Patient> findFirstPatient() {
        return store.stream().findFirst(); // BUG: java/missing-authorization
    }

    @Override
    public Patient getDemoPatient() {
        return new Patient();
    }

    @Override
    public String getServiceVersion() {
        return "2.4";
    }

    /** Not part of the service interface: an internal helper. */
    public Patient firstPatient() {
        return store.isEmpty() ? null : store.get(0);
    }
}
