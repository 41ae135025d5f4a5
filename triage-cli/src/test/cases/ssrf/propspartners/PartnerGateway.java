package corpus.ssrf.propspartners;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.util.Properties;

/** Partner endpoints from the bundled partners.properties. */
public class PartnerGateway {
    private final Properties props = new Properties();

    public PartnerGateway() {
        try (InputStream in = PartnerGateway.class.getResourceAsStream("/partners.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URLConnection goodUrlFromFile(HttpServletRequest req) throws IOException {
        req.getParameter("partner");
        return new URL(props.getProperty("partner.lab.url")).openConnection();
    }

    /** The configured value is only a scheme: the host comes from the request. */
    public URLConnection badSchemeFromFileHostFromRequest(HttpServletRequest req) throws IOException {
        return new URL(props.getProperty("partner.scheme") + req.getParameter("host") + "/fhir").openConnection(); // BUG: java/ssrf
    }

    /** partner.routing=fixed: the request branch is dead. */
    public URLConnection goodRoutingFromFile(HttpServletRequest req) throws IOException {
        String url = "fixed".equals(props.getProperty("partner.routing")) ? props.getProperty("partner.lab.url") : req.getParameter("url");
        return new URL(url).openConnection();
    }

    /** referral.routing=client: the request branch is live. */
    public URLConnection badRoutingFromFile(HttpServletRequest req) throws IOException {
        String url = "fixed".equals(props.getProperty("referral.routing")) ? props.getProperty("partner.lab.url") : req.getParameter("url");
        return new URL(url).openConnection(); // BUG: java/ssrf
    }
}
