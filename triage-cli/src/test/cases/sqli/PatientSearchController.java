package corpus.sqli;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Spring MVC patient search; a JAX-RS prescription resource below. */
@RestController
public class PatientSearchController {
    private final JdbcTemplate jdbc;

    public PatientSearchController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/patients/search")
    public List<Map<String, Object>> badRequestParam(@RequestParam String lastName) {
        return jdbc.queryForList("SELECT * FROM patient WHERE last_name = '" + lastName + "'"); // BUG: java/sql-injection
    }

    @GetMapping("/patients/search-safe")
    public List<Map<String, Object>> goodRequestParam(@RequestParam String lastName) {
        return jdbc.queryForList("SELECT * FROM patient WHERE last_name = ?", lastName);
    }

    @GetMapping("/patients/{id}/labs")
    public List<Map<String, Object>> badPathVariable(@PathVariable("id") String id) {
        return jdbc.queryForList("SELECT * FROM lab_result WHERE patient_id = " + id); // BUG: java/sql-injection
    }

    @GetMapping("/patients/{id}/visits")
    public List<Map<String, Object>> goodPathVariableNumeric(@PathVariable("id") long id) {
        return jdbc.queryForList("SELECT * FROM visit WHERE patient_id = " + id);
    }

    @PostMapping("/reports/adhoc")
    public void badRequestBody(@RequestBody String where) {
        jdbc.execute("DELETE FROM report_cache WHERE " + where); // BUG: java/sql-injection
    }

    @GetMapping("/appointments")
    public int badHeaderUpdate(@RequestHeader("X-Clinic") String clinic) {
        return jdbc.update("UPDATE appointment SET reminded = 1 WHERE clinic = '" + clinic + "'"); // BUG: java/sql-injection
    }

    /** Implicit request parameter: an un-annotated String of a handler method. */
    @GetMapping("/appointments/by-room")
    public List<Map<String, Object>> badImplicitParam(String room) {
        return jdbc.queryForList("SELECT * FROM appointment WHERE room = '" + room + "'"); // BUG: java/sql-injection
    }

    @GetMapping("/appointments/by-day")
    public List<Map<String, Object>> goodSortAllowList(@RequestParam String sort) {
        String column = switch (sort) {
            case "time" -> "start_time";
            case "room" -> "room";
            default -> "id";
        };
        return jdbc.queryForList("SELECT * FROM appointment ORDER BY " + column);
    }
}

@Path("/prescriptions")
class PrescriptionResource {
    private final JdbcTemplate jdbc;

    PrescriptionResource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GET
    public List<Map<String, Object>> badQueryParam(@QueryParam("drug") String drug) {
        return jdbc.queryForList("SELECT * FROM prescription WHERE drug = '" + drug + "'"); // BUG: java/sql-injection
    }

    @GET
    @Path("/{prescriber}")
    public List<Map<String, Object>> goodPathParamBound(@PathParam("prescriber") String prescriber) {
        return jdbc.queryForList("SELECT * FROM prescription WHERE prescriber = ?", prescriber);
    }
}
