package org.example.portal.lab;

import java.time.LocalDate;

/** One analyte result from the lab partner. */
public record LabResult(String patientId, String test, String value, String unit, String referenceRange, LocalDate collected) {
}
