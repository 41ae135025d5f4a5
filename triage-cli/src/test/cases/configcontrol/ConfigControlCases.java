package corpus.configcontrol;

import javax.servlet.http.HttpServletRequest;
import java.security.Security;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/** Multi-clinic database access and runtime settings: which catalog, schema or property the request may choose. */
public class ConfigControlCases {
    private static final Map<String, String> CATALOGS = Map.of("north", "clinic_north", "south", "clinic_south");
    private static final Set<String> SCHEMAS = Set.of("reporting", "archive");
    private final Connection conn;

    public ConfigControlCases(Connection conn) {
        this.conn = conn;
    }

    public void badCatalog(HttpServletRequest req) throws SQLException {
        String clinic = req.getParameter("clinic");
        conn.setCatalog(clinic); // BUG: java/external-config-control
    }

    public void badSchema(HttpServletRequest req) throws SQLException {
        conn.setSchema("tenant_" + req.getParameter("tenant")); // BUG: java/external-config-control
    }

    public void badSystemPropertyValue(HttpServletRequest req) {
        System.setProperty("portal.theme", req.getParameter("theme")); // BUG: java/external-config-control
    }

    public void badSystemPropertyName(HttpServletRequest req) {
        System.setProperty(req.getParameter("flag"), "true"); // BUG: java/external-config-control
    }

    public void badSecurityProperty(HttpServletRequest req) {
        Security.setProperty("networkaddress.cache.ttl", req.getHeader("X-Cache-Ttl")); // BUG: java/external-config-control
    }

    public void badThroughHelper(HttpServletRequest req) throws SQLException {
        useCatalog(conn, req.getParameter("catalog"));
    }

    private static void useCatalog(Connection c, String catalog) throws SQLException {
        c.setCatalog(catalog); // BUG: java/external-config-control
    }

    public void goodCatalogLookup(HttpServletRequest req) throws SQLException {
        String catalog = CATALOGS.get(req.getParameter("clinic"));
        if (catalog != null) conn.setCatalog(catalog);
    }

    public void goodSchemaAllowList(HttpServletRequest req) throws SQLException {
        String schema = req.getParameter("schema");
        if (SCHEMAS.contains(schema)) conn.setSchema(schema);
    }

    public void goodConstantCatalog() throws SQLException {
        conn.setCatalog("clinic_north");
    }

    public void goodPropertyEquals(HttpServletRequest req) {
        String theme = req.getParameter("theme");
        if ("dark".equals(theme)) System.setProperty("portal.theme", theme);
    }

    public void goodServerSide() {
        System.setProperty("portal.theme", System.getProperty("portal.default.theme", "light"));
    }

    public void goodCatalogFromConnection(HttpServletRequest req) throws SQLException {
        String current = conn.getCatalog();
        conn.setCatalog(current);
    }
}
