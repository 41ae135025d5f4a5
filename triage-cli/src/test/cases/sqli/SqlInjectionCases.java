package corpus.sqli;

import jakarta.persistence.EntityManager;
import org.owasp.encoder.Encode;
import org.owasp.esapi.ESAPI;
import org.owasp.esapi.codecs.OracleCodec;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Patient and lab-result look-ups of the clinic portal (javax.servlet). Juliet style: bad and good side by side. */
public class SqlInjectionCases {
    private final Connection conn;
    private final JdbcTemplate jdbc;
    private final EntityManager em;

    public SqlInjectionCases(Connection conn, JdbcTemplate jdbc, EntityManager em) {
        this.conn = conn;
        this.jdbc = jdbc;
        this.em = em;
    }

    // ---- direct ----

    public ResultSet badDirect(HttpServletRequest req) throws Exception {
        String mrn = req.getParameter("mrn");
        Statement st = conn.createStatement();
        return st.executeQuery("SELECT * FROM patient WHERE mrn = '" + mrn + "'"); // BUG: java/sql-injection
    }

    public ResultSet goodPrepared(HttpServletRequest req) throws Exception {
        String mrn = req.getParameter("mrn");
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM patient WHERE mrn = ?");
        ps.setString(1, mrn);
        return ps.executeQuery();
    }

    /** The SQL text of a prepared statement is still a sink. */
    public ResultSet badPreparedWithConcatenation(HttpServletRequest req) throws Exception {
        String ward = req.getHeader("X-Ward");
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM admission WHERE ward = '" + ward + "' AND status = ?"); // BUG: java/sql-injection
        ps.setString(1, "OPEN");
        return ps.executeQuery();
    }

    public int badUpdateFromCookie(HttpServletRequest req) throws Exception {
        String clinic = "";
        for (Cookie c : req.getCookies()) {
            if ("clinic".equals(c.getName())) clinic = c.getValue();
        }
        Statement st = conn.createStatement();
        return st.executeUpdate("UPDATE appointment SET seen = 1 WHERE clinic = '" + clinic + "'"); // BUG: java/sql-injection
    }

    public void badBatch(HttpServletRequest req) throws Exception {
        Statement st = conn.createStatement();
        for (String id : req.getParameterValues("rx")) {
            st.addBatch("DELETE FROM prescription WHERE id = '" + id + "'"); // BUG: java/sql-injection
        }
        st.executeBatch();
    }

    public List<Map<String, Object>> badJdbcTemplate(HttpServletRequest req) {
        String code = req.getParameter("loinc");
        return jdbc.queryForList("SELECT * FROM lab_result WHERE loinc = '" + code + "'"); // BUG: java/sql-injection
    }

    public List<Map<String, Object>> goodJdbcTemplateArgs(HttpServletRequest req) {
        String code = req.getParameter("loinc");
        return jdbc.queryForList("SELECT * FROM lab_result WHERE loinc = ?", code);
    }

    public List<?> badJpql(HttpServletRequest req) {
        String name = req.getParameter("name");
        return em.createQuery("SELECT p FROM Patient p WHERE p.lastName = '" + name + "'").getResultList(); // BUG: java/sql-injection
    }

    public List<?> badNativeQuery(HttpServletRequest req) {
        String sort = req.getParameter("sort");
        return em.createNativeQuery("SELECT * FROM patient ORDER BY " + sort).getResultList(); // BUG: java/sql-injection
    }

    public List<?> goodJpqlParameter(HttpServletRequest req) {
        String name = req.getParameter("name");
        return em.createQuery("SELECT p FROM Patient p WHERE p.lastName = :n").setParameter("n", name).getResultList();
    }

    // ---- sanitizers ----

    public ResultSet goodParseInt(HttpServletRequest req) throws Exception {
        int id = Integer.parseInt(req.getParameter("id"));
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE id = " + id);
    }

    public ResultSet goodParseLong(HttpServletRequest req) throws Exception {
        Long visit = Long.valueOf(Long.parseLong(req.getParameter("visit")));
        return conn.createStatement().executeQuery("SELECT * FROM visit WHERE id = " + visit);
    }

    /** HTML encoding is the wrong sanitizer for SQL: "1 OR 1=1" passes through it unchanged. */
    public ResultSet badHtmlEncoded(HttpServletRequest req) throws Exception {
        String id = Encode.forHtml(req.getParameter("id"));
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE id = " + id); // BUG: java/sql-injection
    }

    public ResultSet goodEsapiSqlEncoded(HttpServletRequest req) throws Exception {
        String name = ESAPI.encoder().encodeForSQL(new OracleCodec(), req.getParameter("name"));
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE last_name = '" + name + "'");
    }

    public ResultSet goodAllowList(HttpServletRequest req) throws Exception {
        String col = req.getParameter("orderBy");
        if (!List.of("last_name", "birth_date", "mrn").contains(col)) return null;
        return conn.createStatement().executeQuery("SELECT * FROM patient ORDER BY " + col);
    }

    public ResultSet goodRegexCheck(HttpServletRequest req) throws Exception {
        String ward = req.getParameter("ward");
        if (!ward.matches("[A-Z0-9]{1,4}")) return null;
        return conn.createStatement().executeQuery("SELECT * FROM bed WHERE ward = '" + ward + "'");
    }

    // ---- string manipulation keeps the taint ----

    public ResultSet badStringBuilder(HttpServletRequest req) throws Exception {
        StringBuilder sb = new StringBuilder("SELECT * FROM prescription WHERE drug LIKE '%");
        sb.append(req.getParameter("drug").trim().toLowerCase()).append("%'");
        return conn.createStatement().executeQuery(sb.toString()); // BUG: java/sql-injection
    }

    public ResultSet badFormatAndSubstring(HttpServletRequest req) throws Exception {
        String q = req.getQueryString();
        String mrn = q.substring(q.indexOf('=') + 1);
        return conn.createStatement().executeQuery(String.format("SELECT * FROM patient WHERE mrn = '%s'", mrn)); // BUG: java/sql-injection
    }

    public boolean badSplitJoin(HttpServletRequest req) throws Exception {
        String[] codes = req.getParameter("codes").split(",");
        String in = String.join("','", codes);
        return conn.createStatement().execute("SELECT * FROM diagnosis WHERE icd10 IN ('" + in + "')"); // BUG: java/sql-injection
    }

    public ResultSet badBase64Decoded(HttpServletRequest req) throws Exception {
        String filter = new String(Base64.getDecoder().decode(req.getParameter("f")), StandardCharsets.UTF_8);
        return conn.createStatement().executeQuery("SELECT * FROM appointment WHERE " + filter); // BUG: java/sql-injection
    }

    public ResultSet badUrlDecodedReplaced(HttpServletRequest req) throws Exception {
        String note = URLDecoder.decode(req.getParameter("note"), StandardCharsets.UTF_8).replace('+', ' ');
        return conn.createStatement().executeQuery("SELECT * FROM note WHERE body = '" + note + "'"); // BUG: java/sql-injection
    }

    // ---- constant conditions and switches ----

    public ResultSet goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("mrn");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "M-0001" : param;
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + bar + "'");
    }

    public ResultSet badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("mrn");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "M-0001" : param;
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + bar + "'"); // BUG: java/sql-injection
    }

    public ResultSet goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("mrn");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "M-0002"; break;
            default: bar = param; break;
        }
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + bar + "'");
    }

    public ResultSet badSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("mrn");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "M-0002"; break;
            case 'B': bar = param; break;
            default: bar = "M-0003"; break;
        }
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + bar + "'"); // BUG: java/sql-injection
    }

    // ---- collections ----

    public ResultSet goodMapConstantKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "M-0004");
        m.put("keyB", req.getParameter("mrn"));
        String bar = m.get("keyA");
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + bar + "'");
    }

    public ResultSet badMapTaintedKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "M-0004");
        m.put("keyB", req.getParameter("mrn"));
        String bar = m.get("keyB");
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + bar + "'"); // BUG: java/sql-injection
    }

    public ResultSet goodListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("drug"));
        l.add("moresafe");
        l.remove(0);
        String bar = l.get(1);
        return conn.createStatement().executeQuery("SELECT * FROM prescription WHERE drug = '" + bar + "'");
    }

    public ResultSet badListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("drug"));
        l.add("moresafe");
        l.remove(0);
        String bar = l.get(0);
        return conn.createStatement().executeQuery("SELECT * FROM prescription WHERE drug = '" + bar + "'"); // BUG: java/sql-injection
    }

    /** A fixed query text: nothing from the request reaches it. */
    public ResultSet goodFixedQuery(HttpServletRequest req) throws Exception {
        req.getParameter("ignored");
        return conn.createStatement().executeQuery("SELECT COUNT(*) FROM appointment WHERE day = CURRENT_DATE");
    }
}
