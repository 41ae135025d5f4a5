package corpus.sqli;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.jpa.domain.JpaSort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

import java.util.List;

/**
 * A Spring Data JPA patient list. Spring Data appends a Sort's properties to the ORDER BY of a declared query
 * (JPQL or native SQL) only after refusing any property with punctuation or white space, and resolves them against
 * the domain type for derived queries; JpaSort.unsafe switches that check off, so its text reaches the SQL as written.
 * SpEL expressions in a @Query (:#{...}, ?#{...}) are bound as parameters, #{#entityName} is the entity's name.
 */
@RestController
public class SpringDataJpaCases {
    public static class Patient {
        Long id;
        String lastName;
        String ward;
    }

    public interface PatientRepository extends JpaRepository<Patient, Long> {
        /** Derived query: each Sort property must name a property of Patient. */
        List<Patient> findByWard(String ward, Sort sort);

        @Query("select p from Patient p where p.ward = :ward")
        List<Patient> findOnWard(@Param("ward") String ward, Sort sort);

        @Query(value = "SELECT * FROM patient WHERE ward = :ward", nativeQuery = true)
        List<Patient> findOnWardNative(@Param("ward") String ward, Sort sort);

        @Query(value = "SELECT * FROM patient WHERE ward = :ward", countQuery = "SELECT count(*) FROM patient WHERE ward = :ward",
                nativeQuery = true)
        Page<Patient> pageOnWardNative(@Param("ward") String ward, Pageable pageable);

        /** SpEL in a declared query is evaluated and bound as a parameter value. */
        @Query("select p from #{#entityName} p where p.lastName like :#{#prefix + '%'}")
        List<Patient> findByNamePrefix(@Param("prefix") String prefix);

        /** The sort key is bound too: ORDER BY a constant value, not a column. */
        @Query(value = "SELECT * FROM patient WHERE ward = ?1 ORDER BY ?#{[1]}", nativeQuery = true)
        List<Patient> findOnWardOrderedByParameter(String ward, String sortKey);
    }

    /** A custom repository fragment: the app writes the query text itself. */
    public interface PatientSearch {
        List<?> searchOrdered(String ward, String column);

        List<Patient> searchOrderedByCriteria(String ward, String attribute);
    }

    public static class PatientSearchImpl implements PatientSearch {
        private final EntityManager em;

        public PatientSearchImpl(EntityManager em) {
            this.em = em;
        }

        @Override
        public List<?> searchOrdered(String ward, String column) {
            return em.createNativeQuery("SELECT * FROM patient WHERE ward = ?1 ORDER BY " + column).setParameter(1, ward).getResultList(); // BUG: java/sql-injection
        }

        /** The Criteria API resolves the attribute by name against the entity model: no query text is written. */
        @Override
        public List<Patient> searchOrderedByCriteria(String ward, String attribute) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Patient> cq = cb.createQuery(Patient.class);
            Root<Patient> root = cq.from(Patient.class);
            cq.where(cb.equal(root.get("ward"), ward)).orderBy(cb.asc(root.get(attribute)));
            return em.createQuery(cq).getResultList();
        }
    }

    private final PatientRepository patients;
    private final PatientSearch search;

    public SpringDataJpaCases(PatientRepository patients, PatientSearch search) {
        this.patients = patients;
        this.search = search;
    }

    @GetMapping("/jpa/search")
    public List<?> searchThroughFragment(@RequestParam String ward, @RequestParam String column) {
        return search.searchOrdered(ward, column);
    }

    @GetMapping("/jpa/search/criteria")
    public List<Patient> searchThroughCriteria(@RequestParam String ward, @RequestParam String attribute) {
        return search.searchOrderedByCriteria(ward, attribute);
    }

    @GetMapping("/jpa/ward")
    public List<Patient> badUnsafeSort(@RequestParam String ward, @RequestParam String sort) {
        return patients.findOnWard(ward, JpaSort.unsafe(sort)); // BUG: java/sql-injection
    }

    @GetMapping("/jpa/ward/by-length")
    public List<Patient> badUnsafeExpression(@RequestParam String ward, @RequestParam String field) {
        Sort byLength = JpaSort.unsafe(Direction.DESC, "LENGTH(" + field + ")"); // BUG: java/sql-injection
        return patients.findOnWardNative(ward, byLength);
    }

    @GetMapping("/jpa/ward/by-list")
    public List<Patient> badUnsafeList(@RequestParam String ward, @RequestParam List<String> sort) {
        return patients.findOnWard(ward, JpaSort.unsafe(Direction.ASC, sort)); // BUG: java/sql-injection
    }

    @GetMapping("/jpa/ward/{page}")
    public Page<Patient> badUnsafePage(@PathVariable int page, @RequestParam String ward, @RequestHeader("X-Sort") String sort) {
        Pageable request = PageRequest.of(page, 20, JpaSort.unsafe(Direction.ASC, sort)); // BUG: java/sql-injection
        return patients.pageOnWardNative(ward, request);
    }

    @GetMapping("/jpa/ward/then")
    public List<Patient> badAndUnsafe(@RequestParam String ward, @RequestParam String then) {
        JpaSort sort = JpaSort.unsafe("bed").andUnsafe(Direction.ASC, then); // BUG: java/sql-injection
        return patients.findOnWard(ward, sort);
    }

    @GetMapping("/jpa/ward/helper")
    public List<Patient> badUnsafeInHelper(@RequestParam String ward, @RequestParam String order) {
        return patients.findOnWardNative(ward, orderByExpression(order));
    }

    private static Sort orderByExpression(String expression) {
        return JpaSort.unsafe(Direction.ASC, expression); // BUG: java/sql-injection
    }

    // Safe twins

    /** Spring Data refuses a Sort property with punctuation or spaces for native queries too. */
    @GetMapping("/jpa/native/sorted")
    public List<Patient> goodSortOnNativeQuery(@RequestParam String ward, @RequestParam String sort) {
        return patients.findOnWardNative(ward, Sort.by(sort));
    }

    @GetMapping("/jpa/native/paged")
    public Page<Patient> goodPageRequestOnNativeQuery(@RequestParam String ward, @RequestParam int page, @RequestParam String sort,
            @RequestParam String dir) {
        return patients.pageOnWardNative(ward, PageRequest.of(page, 20, Sort.by(Direction.fromString(dir), sort)));
    }

    @GetMapping("/jpa/native/pageable")
    public Page<Patient> goodPageableOnNativeQuery(@RequestParam String ward, Pageable pageable) {
        return patients.pageOnWardNative(ward, pageable);
    }

    @GetMapping("/jpa/derived")
    public List<Patient> goodSortOnDerivedQuery(@RequestParam String ward, @RequestParam String sort) {
        return patients.findByWard(ward, Sort.by(Direction.DESC, sort));
    }

    @GetMapping("/jpa/jpql/sorted")
    public List<Patient> goodSortOnJpqlQuery(@RequestParam String ward, @RequestParam String sort) {
        return patients.findOnWard(ward, Sort.by(sort).ascending());
    }

    @GetMapping("/jpa/spel")
    public List<Patient> goodSpelBound(@RequestParam String prefix, @RequestParam String ward, @RequestParam String sortKey) {
        List<Patient> found = patients.findByNamePrefix(prefix);
        found.addAll(patients.findOnWardOrderedByParameter(ward, sortKey));
        return found;
    }

    /** The unsafe expression is the app's own; the request only picks one of two. */
    @GetMapping("/jpa/ward/by-length-chosen")
    public List<Patient> goodUnsafeChosenExpression(@RequestParam String ward, @RequestParam String field) {
        String expression = "first".equals(field) ? "LENGTH(first_name)" : "LENGTH(last_name)";
        return patients.findOnWardNative(ward, JpaSort.unsafe(Direction.DESC, expression));
    }

    /** A column name checked against a pattern that admits no SQL syntax. */
    @GetMapping("/jpa/ward/checked")
    public List<Patient> goodUnsafeCheckedName(@RequestParam String ward, @RequestParam String column) {
        if (!column.matches("[A-Za-z_]{1,30}")) {
            throw new IllegalArgumentException("bad column");
        }
        return patients.findOnWardNative(ward, JpaSort.unsafe(Direction.ASC, "LOWER(" + column + ")"));
    }
}
