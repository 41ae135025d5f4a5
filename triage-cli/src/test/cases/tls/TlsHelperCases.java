package corpus.tls;

import javax.net.ssl.SSLContext;

/** Protocol names handed to app helpers; the sink line is inside the helper. */
public class TlsHelperCases {
    /** One caller passes TLSv1.1. */
    static SSLContext contextFor(String protocol) throws Exception {
        SSLContext ctx = SSLContext.getInstance(protocol); // BUG: java/weak-tls-protocol
        ctx.init(null, null, null);
        return ctx;
    }

    /** Every caller passes TLS 1.2 or 1.3. */
    static SSLContext modernContextFor(String protocol) throws Exception {
        SSLContext ctx = SSLContext.getInstance(protocol);
        ctx.init(null, null, null);
        return ctx;
    }

    public SSLContext legacyPacsViewer() throws Exception {
        return contextFor("TLSv1.1");
    }

    public SSLContext labFeed() throws Exception {
        return contextFor("TLSv1.3");
    }

    public SSLContext pharmacyFeed() throws Exception {
        return modernContextFor("TLSv1.3");
    }

    public SSLContext billingFeed() throws Exception {
        return modernContextFor("TLSv1.2");
    }
}
