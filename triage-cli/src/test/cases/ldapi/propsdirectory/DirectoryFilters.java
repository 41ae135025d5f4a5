package corpus.ldapi.propsdirectory;

import javax.naming.NamingEnumeration;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Directory filters from the bundled directory.properties. */
public class DirectoryFilters {
    private final Properties props = new Properties();
    private final DirContext ctx;

    public DirectoryFilters(DirContext ctx) {
        this.ctx = ctx;
        try (InputStream in = DirectoryFilters.class.getResourceAsStream("/directory.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NamingEnumeration<SearchResult> goodFilterFromFile(HttpServletRequest req) throws Exception {
        req.getParameter("q");
        return ctx.search(props.getProperty("directory.base"), props.getProperty("directory.oncall.filter"), new SearchControls());
    }

    public NamingEnumeration<SearchResult> badFilterPrefixPlusParam(HttpServletRequest req) throws Exception {
        String filter = props.getProperty("directory.uid.prefix") + req.getParameter("uid") + ")";
        return ctx.search(props.getProperty("directory.base"), filter, new SearchControls()); // BUG: java/ldap-injection
    }

    /** directory.search.mode=fixed: the request branch is dead. */
    public NamingEnumeration<SearchResult> goodModeFromFile(HttpServletRequest req) throws Exception {
        String filter = "fixed".equals(props.getProperty("directory.search.mode")) ? "(onCall=TRUE)" : req.getParameter("filter");
        return ctx.search(props.getProperty("directory.base"), filter, new SearchControls());
    }

    /** directory.admin.mode=free: the request branch is live. */
    public NamingEnumeration<SearchResult> badModeFromFile(HttpServletRequest req) throws Exception {
        String filter = "fixed".equals(props.getProperty("directory.admin.mode")) ? "(onCall=TRUE)" : req.getParameter("filter");
        return ctx.search(props.getProperty("directory.base"), filter, new SearchControls()); // BUG: java/ldap-injection
    }
}
