package corpus.sqli;

import javax.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sort columns and report names checked against an allow-list before they are written into SQL. A list the code
 * wrote itself (Set.of, List.of, Arrays.asList of literals, a static final set filled once) guards the query; a
 * "list" that came from the request allows whatever the attacker put in it.
 */
public class AllowListCases {
    private static final Set<String> SORT_COLUMNS = Set.of("last_name", "birth_date", "mrn");
    private static final Set<String> REPORTS = new HashSet<>();
    private static final Map<String, String> VIEWS = Map.of("daily", "v_daily_census", "weekly", "v_weekly_census");

    static {
        REPORTS.add("census");
        REPORTS.add("admissions");
    }

    private final Connection conn;

    public AllowListCases(Connection conn) {
        this.conn = conn;
    }

    // ---- constant collections: guarded

    public ResultSet goodStaticSet(HttpServletRequest req) throws Exception {
        String col = req.getParameter("sort");
        if (!SORT_COLUMNS.contains(col)) throw new IllegalArgumentException("bad sort column");
        return conn.createStatement().executeQuery("SELECT * FROM patient ORDER BY " + col);
    }

    public ResultSet goodStaticSetFilledOnce(HttpServletRequest req) throws Exception {
        String report = req.getParameter("report");
        if (REPORTS.contains(report)) return conn.createStatement().executeQuery("SELECT * FROM r_" + report);
        return null;
    }

    public ResultSet goodInlineList(HttpServletRequest req) throws Exception {
        String dir = req.getParameter("dir");
        if (!Arrays.asList("ASC", "DESC").contains(dir)) dir = "ASC";
        return conn.createStatement().executeQuery("SELECT * FROM patient ORDER BY mrn " + dir);
    }

    public ResultSet goodMapKey(HttpServletRequest req) throws Exception {
        String view = req.getParameter("view");
        if (!VIEWS.containsKey(view)) return null;
        return conn.createStatement().executeQuery("SELECT * FROM census WHERE period = '" + view + "'");
    }

    // ---- collections from the request: no guard

    public ResultSet badRequestValues(HttpServletRequest req) throws Exception {
        String col = req.getParameter("sort");
        List<String> allowed = Arrays.asList(req.getParameterValues("columns"));
        if (!allowed.contains(col)) return null;
        return conn.createStatement().executeQuery("SELECT * FROM patient ORDER BY " + col); // BUG: java/sql-injection
    }

    public ResultSet badRequestSplit(HttpServletRequest req) throws Exception {
        String col = req.getParameter("sort");
        Set<String> allowed = new HashSet<>(Arrays.asList(req.getParameter("columns").split(",")));
        if (allowed.contains(col)) return conn.createStatement().executeQuery("SELECT * FROM patient ORDER BY " + col); // BUG: java/sql-injection
        return null;
    }

    public ResultSet badRequestListOf(HttpServletRequest req) throws Exception {
        String col = req.getParameter("sort");
        if (!List.of(req.getParameter("primary"), "mrn").contains(col)) return null;
        return conn.createStatement().executeQuery("SELECT * FROM patient ORDER BY " + col); // BUG: java/sql-injection
    }

    public ResultSet badRequestParameterMap(HttpServletRequest req) throws Exception {
        String col = req.getParameter("sort");
        if (!req.getParameterMap().containsKey(col)) return null;
        return conn.createStatement().executeQuery("SELECT * FROM patient ORDER BY " + col); // BUG: java/sql-injection
    }
}
