package org.example.portal.patient;

import java.time.LocalDate;

/** A patient account and the demographic data the portal shows. */
public record Patient(String id, String username, String givenName, String familyName, LocalDate birthDate,
        String mrn, byte[] passwordSalt, byte[] passwordHash) {

    /** The record as the portal's JSON. */
    public String toJson() {
        return "{\"id\":\"" + id + "\",\"givenName\":\"" + givenName + "\",\"familyName\":\"" + familyName
                + "\",\"birthDate\":\"" + birthDate + "\",\"mrn\":\"" + mrn + "\"}";
    }
}
