package corpus.phi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Patient data read from the database by column name, or from JSON by field name: a column or field named for PHI
 * (ssn, date_of_birth, diagnosis...) logged is PHI logged; the row's key or a status field is not.
 */
public class RecordStoreLogCases {
    private static final Logger log = LoggerFactory.getLogger(RecordStoreLogCases.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public void badSsnColumnLogged(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, ssn, status from patient where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    log.info("patient {} ssn {}", rs.getLong("id"), rs.getString("ssn")); // BUG: java/phi-logged
                    log.info("patient {} status {}", rs.getLong("id"), rs.getString("status"));
                }
            }
        }
    }

    public void badDiagnosisFieldLogged(String body) throws IOException {
        JsonNode tree = MAPPER.readTree(body);
        log.info("intake diagnosis {}", tree.path("diagnosis").asText()); // BUG: java/phi-logged
        log.info("intake from clinic {}", tree.path("clinicId").asText());
    }

    public void badGsonBirthDateLogged(String body) {
        JsonObject o = JsonParser.parseString(body).getAsJsonObject();
        log.info("dob {}", o.get("date_of_birth").getAsString()); // BUG: java/phi-logged
        log.info("visit type {}", o.get("visitType").getAsString());
    }
}
