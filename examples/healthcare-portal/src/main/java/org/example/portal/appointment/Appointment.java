package org.example.portal.appointment;

import java.time.LocalDateTime;

/** A booked visit. */
public record Appointment(String id, String patientId, String clinician, LocalDateTime start, String confirmationCode) {

    public String toJson() {
        return "{\"id\":\"" + id + "\",\"clinician\":\"" + clinician + "\",\"start\":\"" + start
                + "\",\"confirmation\":\"" + confirmationCode + "\"}";
    }
}
