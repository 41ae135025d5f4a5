package corpus.sqli.hibernate5;

import org.hibernate.Criteria;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.criterion.Restrictions;
import org.hibernate.type.StringType;

import javax.servlet.http.HttpServletRequest;
import java.util.List;

/** A record system's patient search on Hibernate 5: SQL and HQL written from request values, beside bound ones. */
public class PatientSearchDao {
    private final SessionFactory sessions;

    public PatientSearchDao(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public List<?> badSqlQuery(HttpServletRequest req) {
        Session s = sessions.getCurrentSession();
        return s.createSQLQuery("SELECT * FROM patient WHERE family_name = '" + req.getParameter("name") + "'").list(); // BUG: java/sql-injection
    }

    public List<?> badHqlQuery(HttpServletRequest req) {
        Session s = sessions.getCurrentSession();
        return s.createQuery("from Patient p where p.identifier = '" + req.getParameter("mrn") + "'").list(); // BUG: java/sql-injection
    }

    @SuppressWarnings("deprecation")
    public List<?> badCriteriaFragment(HttpServletRequest req) {
        Criteria c = sessions.getCurrentSession().createCriteria(Object.class);
        c.add(Restrictions.sqlRestriction("voided = 0 and " + req.getParameter("filter"))); // BUG: java/sql-injection
        return c.list();
    }

    public List<?> badHelper(HttpServletRequest req) {
        return search(req.getParameter("order"));
    }

    private List<?> search(String order) {
        return sessions.getCurrentSession().createSQLQuery("SELECT * FROM encounter ORDER BY " + order).list(); // BUG: java/sql-injection
    }

    // ---- good: the values are bound parameters

    public List<?> goodSqlQueryBound(HttpServletRequest req) {
        return sessions.getCurrentSession().createSQLQuery("SELECT * FROM patient WHERE family_name = :name")
                .setParameter("name", req.getParameter("name")).list();
    }

    public List<?> goodHqlBound(HttpServletRequest req) {
        return sessions.getCurrentSession().createQuery("from Patient p where p.identifier = :mrn")
                .setParameter("mrn", req.getParameter("mrn")).list();
    }

    @SuppressWarnings("deprecation")
    public List<?> goodCriteriaBound(HttpServletRequest req) {
        Criteria c = sessions.getCurrentSession().createCriteria(Object.class);
        c.add(Restrictions.sqlRestriction("family_name = ?", req.getParameter("name"), StringType.INSTANCE));
        return c.list();
    }
}
