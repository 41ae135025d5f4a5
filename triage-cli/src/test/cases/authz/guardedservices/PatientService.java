package corpus.authz.guardedservices;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** The app's habit: service methods declare the privilege they need. */
public interface PatientService {
    @RolesAllowed("VIEW_PATIENTS")
    Patient getPatient(int id);

    @RolesAllowed("VIEW_ENCOUNTERS")
    List<Encounter> getEncounters(int patientId);

    @RolesAllowed("EDIT_PATIENTS")
    Patient savePatient(Patient p);

    @RolesAllowed("VIEW_PATIENTS")
    int countPatients();

    /** No privilege declared, though it returns patients. */
    List<Patient> findPatientsByName(String name);

    Patient getPatientByIdentifier(String identifier);

    Encounter[] getEncountersByVisit(int visitId);

    java.util.Optional<Patient> findFirstPatient();

    /** Explicitly open. */
    @PermitAll
    Patient getDemoPatient();

    /** Not patient data. */
    String getServiceVersion();
}
