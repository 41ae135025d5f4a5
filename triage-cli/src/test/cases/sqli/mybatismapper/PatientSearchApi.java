package corpus.sqli.mybatismapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** A patient search API over MyBatis mappers: ${} substitutes text into SQL, #{} binds a parameter. */
@RestController
public class PatientSearchApi {
    private final PatientMapper patients;
    private final AuditMapper audit;

    public PatientSearchApi(PatientMapper patients, AuditMapper audit) {
        this.patients = patients;
        this.audit = audit;
    }

    @GetMapping("/patients/by-name")
    public List<Map<String, Object>> badSubstitutedName(@RequestParam String name) {
        return patients.findByLastName(name); // BUG: java/sql-injection
    }

    @GetMapping("/patients/by-name-bound")
    public List<Map<String, Object>> goodBoundName(@RequestParam String name) {
        return patients.findByLastNameBound(name);
    }

    @GetMapping("/patients/sorted")
    public List<Map<String, Object>> badOrderBy(@RequestParam String sort) {
        return patients.listSorted(sort); // BUG: java/sql-injection
    }

    @GetMapping("/patients/sorted-safe")
    public List<Map<String, Object>> goodOrderByAllowList(@RequestParam String sort) {
        String column = switch (sort) {
            case "name" -> "last_name";
            case "ward" -> "ward";
            default -> "id";
        };
        return patients.listSorted(column);
    }

    @GetMapping("/patients/search")
    public List<Map<String, Object>> badCompiledParameterName(@RequestParam String ward, @RequestParam String sort) {
        return patients.search(ward, sort); // BUG: java/sql-injection
    }

    /** Only the bound parameter comes from the request. */
    @GetMapping("/patients/search-ward")
    public List<Map<String, Object>> goodOnlyBoundFromRequest(@RequestParam String ward) {
        return patients.search(ward, "last_name");
    }

    @GetMapping("/visits")
    public List<Map<String, Object>> badIncludedFragment(@RequestParam String doctor, @RequestParam String orderBy) {
        return patients.listByDoctor(doctor, orderBy); // BUG: java/sql-injection
    }

    @GetMapping("/visits/by-doctor")
    public List<Map<String, Object>> goodFragmentConstant(@RequestParam String doctor) {
        return patients.listByDoctor(doctor, "visit_date");
    }

    @GetMapping("/patients/columns")
    public List<Map<String, Object>> badForeachItem(@RequestParam List<String> columns) {
        return patients.selectColumns(columns); // BUG: java/sql-injection
    }

    @PostMapping("/patients/example")
    public List<Map<String, Object>> badParameterObject(@ModelAttribute PatientQuery query) {
        return patients.findByExample(query); // BUG: java/sql-injection
    }

    @GetMapping("/patients/like")
    public List<Map<String, Object>> badBindName(@RequestParam String name) {
        return patients.findLike(name); // BUG: java/sql-injection
    }

    /** A number cannot carry SQL. */
    @GetMapping("/wards/count")
    public int goodNumericSubstitution(@RequestParam String ward, @RequestParam String limit) {
        return patients.countInWard(ward, Integer.parseInt(limit));
    }

    @GetMapping("/audit/table")
    public List<Map<String, Object>> badAnnotatedTable(@RequestParam String table, @RequestParam String patientId) {
        return audit.fromTable(table, patientId); // BUG: java/sql-injection
    }

    @GetMapping("/audit/actor")
    public List<Map<String, Object>> goodAnnotatedBound(@RequestParam String actor) {
        return audit.byActor(actor);
    }

    @PostMapping("/audit/note")
    public int badAnnotatedUpdate(@RequestParam String note) {
        return audit.annotate(42L, note); // BUG: java/sql-injection
    }

    @GetMapping("/audit/scripted")
    public List<Map<String, Object>> badScriptOrderBy(@RequestParam String action, @RequestParam String order) {
        return audit.scripted(action, order); // BUG: java/sql-injection
    }

    @GetMapping("/audit/scripted-safe")
    public List<Map<String, Object>> goodScriptBoundOnly(@RequestParam String action) {
        return audit.scripted(action, "created_at DESC");
    }

    @GetMapping("/audit/action")
    public List<Map<String, Object>> badProvider(@RequestParam String action) {
        return audit.byAction(action); // BUG: java/sql-injection
    }

    @GetMapping("/audit/action-bound")
    public List<Map<String, Object>> goodProviderBound(@RequestParam String action) {
        return audit.byActionBound(action);
    }
}
