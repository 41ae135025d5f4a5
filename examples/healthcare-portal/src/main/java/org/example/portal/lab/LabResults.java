package org.example.portal.lab;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory lab results, filled by the partner feed (demo data at start). */
public final class LabResults {

    private static final Map<String, List<LabResult>> BY_PATIENT = new ConcurrentHashMap<>();

    static {
        add(new LabResult("p-1001", "HbA1c", "5.4", "%", "4.0-5.6", LocalDate.of(2024, 3, 2)));
        add(new LabResult("p-1001", "LDL cholesterol", "2.9", "mmol/L", "<3.0", LocalDate.of(2024, 3, 2)));
        add(new LabResult("p-1002", "TSH", "2.1", "mIU/L", "0.4-4.0", LocalDate.of(2024, 2, 14)));
    }

    private LabResults() {
    }

    public static void add(LabResult result) {
        BY_PATIENT.computeIfAbsent(result.patientId(), k -> new CopyOnWriteArrayList<>()).add(result);
    }

    public static List<LabResult> forPatient(String patientId) {
        return List.copyOf(BY_PATIENT.getOrDefault(patientId, List.of()));
    }
}
