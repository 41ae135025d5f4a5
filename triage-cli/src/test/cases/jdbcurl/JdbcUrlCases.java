package corpus.jdbcurl;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;

/** A reporting screen that connects to the clinic's data marts. */
public class JdbcUrlCases {
    private static final Map<String, String> MARTS = Map.of(
            "north", "jdbc:postgresql://mart-north.internal:5432/reports",
            "south", "jdbc:postgresql://mart-south.internal:5432/reports");

    public Connection badUrlFromRequest(HttpServletRequest req) throws Exception {
        return DriverManager.getConnection(req.getParameter("jdbcUrl"), "report", System.getenv("MART_PASSWORD")); // BUG: java/jdbc-url-injection
    }

    public Connection badDriverOptionsInUrl(HttpServletRequest req) throws Exception {
        String options = req.getParameter("options");
        return DriverManager.getConnection("jdbc:mysql://mart.internal:3306/reports?" + options); // BUG: java/jdbc-url-injection
    }

    public Connection badDriverPropertyValue(HttpServletRequest req) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "report");
        props.setProperty("socketFactory", req.getParameter("factory"));
        return DriverManager.getConnection("jdbc:postgresql://mart.internal:5432/reports", props); // BUG: java/jdbc-url-injection
    }

    public DriverManagerDataSource badSpringDataSource(HttpServletRequest req) {
        DriverManagerDataSource ds = new DriverManagerDataSource();
        ds.setUrl("jdbc:h2:mem:" + req.getParameter("db")); // BUG: java/jdbc-url-injection
        return ds;
    }

    public Connection badDriverConnect(HttpServletRequest req) throws Exception {
        Driver driver = DriverManager.getDriver("jdbc:postgresql://mart.internal:5432/reports");
        return driver.connect(req.getHeader("X-Mart-Url"), new Properties()); // BUG: java/jdbc-url-injection
    }

    public Driver badDriverLookup(HttpServletRequest req) throws Exception {
        return DriverManager.getDriver("jdbc:" + req.getParameter("vendor") + "://mart.internal/reports"); // BUG: java/jdbc-url-injection
    }

    public DriverManagerDataSource badSpringDataSourceConstructor(HttpServletRequest req) {
        return new DriverManagerDataSource(req.getParameter("jdbcUrl"), "report", System.getenv("MART_PASSWORD")); // BUG: java/jdbc-url-injection
    }

    public DriverManagerDataSource badSpringConnectionProperties(HttpServletRequest req) {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:mysql://mart.internal:3306/reports");
        Properties props = new Properties();
        props.put(req.getParameter("option"), "true");
        ds.setConnectionProperties(props); // BUG: java/jdbc-url-injection
        return ds;
    }

    // ---- good ----

    public Connection goodDriverConnectFixedUrl(HttpServletRequest req) throws Exception {
        Driver driver = DriverManager.getDriver("jdbc:postgresql://mart.internal:5432/reports");
        Properties props = new Properties();
        props.setProperty("ApplicationName", "portal");
        req.getHeader("X-Mart-Url");
        return driver.connect("jdbc:postgresql://mart.internal:5432/reports", props);
    }

    public DriverManagerDataSource goodSpringDataSourceFromAllowList(HttpServletRequest req) {
        String url = MARTS.get(req.getParameter("mart"));
        if (url == null) throw new IllegalArgumentException("unknown mart");
        return new DriverManagerDataSource(url, "report", System.getenv("MART_PASSWORD"));
    }

    public Connection goodAllowListedMart(HttpServletRequest req) throws Exception {
        String url = MARTS.get(req.getParameter("mart"));
        if (url == null) throw new IllegalArgumentException("unknown mart");
        return DriverManager.getConnection(url, "report", System.getenv("MART_PASSWORD"));
    }

    public Connection goodNumericPort(HttpServletRequest req) throws Exception {
        int port = Integer.parseInt(req.getParameter("port"));
        return DriverManager.getConnection("jdbc:postgresql://mart.internal:" + port + "/reports");
    }

    public Connection goodFixedProperties(HttpServletRequest req) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "report");
        props.setProperty("ApplicationName", "portal");
        req.getParameter("factory");
        return DriverManager.getConnection("jdbc:postgresql://mart.internal:5432/reports", props);
    }
}
