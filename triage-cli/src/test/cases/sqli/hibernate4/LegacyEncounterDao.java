package corpus.sqli.hibernate4;

import org.hibernate.Query;
import org.hibernate.SQLQuery;
import org.hibernate.Session;

import javax.servlet.http.HttpServletRequest;
import java.util.List;

/** Encounter look-ups of an older record system on Hibernate 4. */
public class LegacyEncounterDao {
    private final Session session;

    public LegacyEncounterDao(Session session) {
        this.session = session;
    }

    public List<?> badSqlQuery(HttpServletRequest req) {
        SQLQuery q = session.createSQLQuery("SELECT * FROM encounter WHERE location = '" + req.getParameter("loc") + "'"); // BUG: java/sql-injection
        return q.list();
    }

    public List<?> badHql(HttpServletRequest req) {
        Query q = session.createQuery("from Encounter e where e.type = '" + req.getParameter("type") + "'"); // BUG: java/sql-injection
        return q.list();
    }

    public List<?> badFilter(HttpServletRequest req, List<?> encounters) {
        return session.createFilter(encounters, "where this.provider = '" + req.getParameter("provider") + "'").list(); // BUG: java/sql-injection
    }

    public List<?> goodSqlQueryBound(HttpServletRequest req) {
        return session.createSQLQuery("SELECT * FROM encounter WHERE location = ?").setString(0, req.getParameter("loc")).list();
    }

    public List<?> goodConstant() {
        return session.createSQLQuery("SELECT count(*) FROM encounter WHERE voided = 0").list();
    }
}
