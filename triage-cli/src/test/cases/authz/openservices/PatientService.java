package corpus.authz.openservices;

import java.util.ArrayList;
import java.util.List;

/**
 * A codebase that checks privileges elsewhere (a web filter, a URL rule): no annotation habit to be consistent with,
 * so nothing is reported.
 */
public class PatientService {
    private final List<Patient> store = new ArrayList<>();

    public Patient getPatient(int id) {
        return store.get(id);
    }

    public List<Patient> findPatientsByName(String name) {
        List<Patient> out = new ArrayList<>();
        for (Patient p : store) if (p.name.equals(name)) out.add(p);
        return out;
    }
}
