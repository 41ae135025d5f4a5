package org.example.portal.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The ward board's REST API (Spring MVC over the MyBatis ward mapper). */
@RestController
public class WardApiController {
    private final WardPatientMapper patients;

    public WardApiController(WardPatientMapper patients) {
        this.patients = patients;
    }

    @GetMapping("/api/wards/patients")
    public List<Map<String, Object>> listWard(@RequestParam String ward, @RequestParam String sort) {
        return patients.listWard(ward, sort); // BUG: java/sql-injection
    }

    @GetMapping("/api/wards/patients/sorted")
    public List<Map<String, Object>> listWardSortedSafely(@RequestParam String ward, @RequestParam String sort) {
        String column = "bed".equals(sort) ? "bed" : "last_name";
        return patients.listWard(ward, column);
    }

    @GetMapping("/api/wards/patients/by-name")
    public List<Map<String, Object>> listWardByName(@RequestParam String ward) {
        return patients.listWardByName(ward);
    }

    /** A returned String is written as text/html to a browser unless the mapping says otherwise. */
    @GetMapping("/api/wards/banner")
    public String banner(@RequestParam String ward) {
        return "<h2>Ward " + ward + "</h2>"; // BUG: java/xss
    }

    @GetMapping("/api/wards/banner/escaped")
    public String bannerEscaped(@RequestParam String ward) {
        return "<h2>Ward " + HtmlUtils.htmlEscape(ward) + "</h2>";
    }

    @GetMapping(value = "/api/wards/label", produces = MediaType.TEXT_PLAIN_VALUE)
    public String label(@RequestParam String ward) {
        return "Ward " + ward;
    }
}
