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
