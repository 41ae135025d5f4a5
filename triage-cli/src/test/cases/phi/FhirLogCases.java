package corpus.phi;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.commons.codec.digest.DigestUtils;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FHIR back end tracing what it handles: the patient's name, birth date, identifiers and clinical values in the
 * server log are PHI logged; the resource's logical id, a count of search results or a hashed identifier are not.
 */
public class FhirLogCases {
    private static final Logger log = LoggerFactory.getLogger(FhirLogCases.class);
    private static final java.util.logging.Logger jul = java.util.logging.Logger.getLogger("fhir");
    private static final org.apache.logging.log4j.Logger log4j = org.apache.logging.log4j.LogManager.getLogger("fhir");

    public void badPatientNameLogged(Patient patient) {
        log.info("admitted {}", patient.getNameFirstRep().getNameAsSingleString()); // BUG: java/phi-logged
    }

    public void goodPatientIdLogged(Patient patient) {
        log.info("admitted patient {}", patient.getIdElement().getIdPart());
    }

    public void badBirthDateLogged(Patient patient) {
        jul.info("born " + patient.getBirthDateElement().getValueAsString()); // BUG: java/phi-logged
    }

    public void badIdentifierLogged(Patient patient) {
        log4j.warn("MRN {} merged", patient.getIdentifierFirstRep().getValue()); // BUG: java/phi-logged
    }

    public void goodHashedIdentifierLogged(Patient patient) {
        log4j.warn("MRN hash {} merged", DigestUtils.sha256Hex(patient.getIdentifierFirstRep().getValue()));
    }

    public void badObservationValueLogged(Observation obs) {
        log.debug("glucose {} {}", obs.getValueQuantity().getValue(), obs.getValueQuantity().getUnit()); // BUG: java/phi-logged
    }

    public void goodObservationStatusLogged(Observation obs) {
        log.debug("observation {} is {}", obs.getIdElement().getIdPart(), obs.getStatus());
    }

    public void badConditionCodeLogged(Condition condition) {
        log.info("diagnosed " + condition.getCode().getCodingFirstRep().getDisplay()); // BUG: java/phi-logged
    }

    public void badMedicationLogged(MedicationRequest rx) {
        log.info("prescribed {}", rx.getMedicationCodeableConcept().getText()); // BUG: java/phi-logged
    }

    public void badReportConclusionLogged(DiagnosticReport report) {
        log.info("report: {}", report.getConclusion()); // BUG: java/phi-logged
    }

    public void badParsedResourceLogged(IParser parser, String body) {
        Patient p = parser.parseResource(Patient.class, body);
        log.info("received {}", parser.encodeResourceToString(p)); // BUG: java/phi-logged
    }

    public void goodParsedResourceIdLogged(IParser parser, String body) {
        Patient p = parser.parseResource(Patient.class, body);
        log.info("received Patient/{}", p.getIdElement().getIdPart());
    }

    public void badClientReadPrinted(IGenericClient client, String id) {
        Patient p = client.read().resource(Patient.class).withId(id).execute();
        System.out.println("fetched " + p.getNameFirstRep().getFamily()); // BUG: java/phi-logged
    }

    public void badSearchResultLogged(IGenericClient client, String family) {
        Bundle bundle = client.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family)).returnBundle(Bundle.class).execute();
        Patient first = (Patient) bundle.getEntryFirstRep().getResource();
        log.info("first match born {}", first.getBirthDate()); // BUG: java/phi-logged
    }

    public void goodSearchCountLogged(IGenericClient client, String family) {
        Bundle bundle = client.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family)).returnBundle(Bundle.class).execute();
        log.info("{} matches, {} on this page", bundle.getTotal(), bundle.getEntry().size());
    }

    public void badExceptionWithNamePrinted(Patient patient) {
        try {
            validate(patient);
        } catch (IllegalStateException e) {
            RuntimeException wrapped = new RuntimeException("invalid record for " + patient.getNameFirstRep().getFamily());
            wrapped.printStackTrace(); // BUG: java/phi-logged
        }
    }

    public void goodExceptionWithIdPrinted(Patient patient) {
        try {
            validate(patient);
        } catch (IllegalStateException e) {
            RuntimeException wrapped = new RuntimeException("invalid record Patient/" + patient.getIdElement().getIdPart());
            wrapped.printStackTrace();
        }
    }

    private static void validate(Patient patient) {
        if (patient.getName().isEmpty()) throw new IllegalStateException("no name");
    }
}
