package corpus.phi;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ADT_A01;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.protocol.ReceivingApplicationException;
import ca.uhn.hl7v2.util.Terser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * An HL7 v2 interface engine: the inbound message, its PID fields and OBX values in the server log are PHI; the
 * message type and its control id (what an interface logs to trace a message) are not.
 */
public class Hl7LogCases implements ReceivingApplication<Message> {
    private static final Logger log = LoggerFactory.getLogger(Hl7LogCases.class);

    @Override
    public Message processMessage(Message message, Map<String, Object> metadata) throws ReceivingApplicationException, HL7Exception {
        log.info("received {}", message.encode()); // BUG: java/phi-logged
        log.info("received a {} message", message.getName());
        Terser terser = new Terser(message);
        log.info("control id {}", terser.get("/.MSH-10"));
        log.info("patient {}", terser.get("/.PID-5-1")); // BUG: java/phi-logged
        return message;
    }

    @Override
    public boolean canProcess(Message message) {
        return true;
    }

    public void badPidNameLogged(ADT_A01 adt) throws HL7Exception {
        PID pid = adt.getPID();
        log.info("admit {} {}", pid.getPatientName(0).getFamilyName().getSurname().getValue(), pid.getPatientName(0).getGivenName().getValue()); // BUG: java/phi-logged
    }

    public void badPidBirthDateLogged(ADT_A01 adt) throws HL7Exception {
        System.err.println("dob " + adt.getPID().getDateTimeOfBirth().getTime().getValue()); // BUG: java/phi-logged
    }

    public void goodHeaderLogged(ADT_A01 adt) throws HL7Exception {
        MSH msh = adt.getMSH();
        log.info("ADT {} from {}", msh.getMessageControlID().getValue(), msh.getSendingApplication().getNamespaceID().getValue());
    }

    public void badObservationValueLogged(ORU_R01 oru) throws HL7Exception {
        OBX obx = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION().getOBX();
        log.info("result {}", obx.getObservationValue(0).encode()); // BUG: java/phi-logged
    }

    public void goodObservationIdLogged(ORU_R01 oru) throws HL7Exception {
        OBX obx = oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION().getOBX();
        log.info("result set {}", obx.getSetIDOBX().getValue());
    }

    public void badParsedMessageLogged(Parser parser, String text) throws HL7Exception {
        Message m = parser.parse(text);
        log.warn("could not route {}", m); // BUG: java/phi-logged
    }
}
