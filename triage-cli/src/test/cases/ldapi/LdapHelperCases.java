package corpus.ldapi;

import org.owasp.esapi.ESAPI;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import java.util.function.Function;

/** Spring MVC on-call roster: directory searches in helpers and nested classes. */
@RestController
public class LdapHelperCases {
    private static final String STAFF = "ou=staff,dc=riverside,dc=org";
    private final DirContext ctx;
    private String lastWard;
    private final String defaultFilter = "(onCall=TRUE)";

    public LdapHelperCases(DirContext ctx) {
        this.ctx = ctx;
    }

    interface Finder {
        NamingEnumeration<SearchResult> find(String value) throws NamingException;
    }

    static NamingEnumeration<SearchResult> byName(DirContext c, String cn) throws NamingException {
        return c.search(STAFF, "(cn=" + cn + ")", new SearchControls()); // BUG: java/ldap-injection
    }

    static NamingEnumeration<SearchResult> byNameEncoded(DirContext c, String cn) throws NamingException {
        return c.search(STAFF, "(cn=" + ESAPI.encoder().encodeForLDAP(cn) + ")", new SearchControls());
    }

    @GetMapping("/staff/by-name")
    public Object badStaticHelper(@RequestParam String name) throws NamingException {
        return byName(ctx, name);
    }

    @GetMapping("/staff/by-name-safe")
    public Object goodStaticHelperEncodes(@RequestParam String name) throws NamingException {
        return byNameEncoded(ctx, name);
    }

    NamingEnumeration<SearchResult> byPager(String pager) throws NamingException {
        return ctx.search(STAFF, "(pager=" + pager + ")", new SearchControls()); // BUG: java/ldap-injection
    }

    @GetMapping("/staff/pager/{pager}")
    public Object badInstanceHelper(@PathVariable String pager) throws NamingException {
        return byPager(pager);
    }

    @GetMapping("/staff/pager-safe/{pager}")
    public Object goodInstanceHelperNumeric(@PathVariable String pager) throws NamingException {
        return byPager(String.valueOf(Long.parseLong(pager)));
    }

    @GetMapping("/staff/specialty")
    public Object badOtherClass(@RequestParam String specialty) throws NamingException {
        return new RosterDirectory(ctx).bySpecialty(specialty);
    }

    class WardSearch {
        NamingEnumeration<SearchResult> run(String ward) throws NamingException {
            return ctx.search(STAFF, "(ward=" + ward + ")", new SearchControls()); // BUG: java/ldap-injection
        }
    }

    @GetMapping("/staff/ward")
    public Object badInnerClass(@RequestParam String ward) throws NamingException {
        return new WardSearch().run(ward);
    }

    @GetMapping("/staff/anon")
    public Object badAnonymousClass(@RequestParam String team) throws NamingException {
        Finder f = new Finder() {
            @Override
            public NamingEnumeration<SearchResult> find(String value) throws NamingException {
                return ctx.search(STAFF, "(team=" + value + ")", new SearchControls()); // BUG: java/ldap-injection
            }
        };
        return f.find(team);
    }

    @GetMapping("/staff/lambda")
    public Object badLambda(@RequestParam String shift) throws NamingException {
        Function<String, String> filter = s -> "(shift=" + s + ")";
        return ctx.search(STAFF, filter.apply(shift), new SearchControls()); // BUG: java/ldap-injection
    }

    @GetMapping("/staff/lambda-safe")
    public Object goodLambdaEncodes(@RequestParam String shift) throws NamingException {
        Function<String, String> filter = s -> "(shift=" + ESAPI.encoder().encodeForLDAP(s) + ")";
        return ctx.search(STAFF, filter.apply(shift), new SearchControls());
    }

    @GetMapping("/staff/remember")
    public void remember(@RequestParam String ward) {
        lastWard = ward;
    }

    public Object badTaintedField() throws NamingException {
        return ctx.search(STAFF, "(ward=" + lastWard + ")", new SearchControls()); // BUG: java/ldap-injection
    }

    public Object goodConstantField() throws NamingException {
        return ctx.search(STAFF, defaultFilter, new SearchControls());
    }
}

/** Roster queries by specialty. */
class RosterDirectory {
    private final DirContext ctx;

    RosterDirectory(DirContext ctx) {
        this.ctx = ctx;
    }

    NamingEnumeration<SearchResult> bySpecialty(String specialty) throws NamingException {
        return ctx.search("ou=staff,dc=riverside,dc=org", "(specialty=" + specialty + ")", new SearchControls()); // BUG: java/ldap-injection
    }
}
