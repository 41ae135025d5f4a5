package corpus.tls;

import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/** Hostname checks of the HL7 feed and the insurance eligibility client. */
public class HostnameVerifierCases {

    static class AcceptAnyHost implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) {
            return true; // BUG: java/accept-all-hostnames
        }
    }

    public void badLambda() {
        HttpsURLConnection.setDefaultHostnameVerifier((h, s) -> true); // BUG: java/accept-all-hostnames
    }

    public void badAnonymous(HttpsURLConnection conn) {
        conn.setHostnameVerifier(new HostnameVerifier() {
            @Override
            public boolean verify(String hostname, SSLSession session) {
                return true; // BUG: java/accept-all-hostnames
            }
        });
    }

    public void badNamed(HttpsURLConnection conn) {
        conn.setHostnameVerifier(new AcceptAnyHost());
    }

    public CloseableHttpClient badApacheNoop(SSLContext ctx) {
        SSLConnectionSocketFactory f = new SSLConnectionSocketFactory(ctx, NoopHostnameVerifier.INSTANCE); // BUG: java/accept-all-hostnames
        return HttpClients.custom().setSSLSocketFactory(f).build();
    }

    @SuppressWarnings("deprecation")
    public CloseableHttpClient badApacheAllowAll(SSLContext ctx) {
        SSLConnectionSocketFactory f = new SSLConnectionSocketFactory(ctx, SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER); // BUG: java/accept-all-hostnames
        return HttpClients.custom().setSSLSocketFactory(f).build();
    }

    public org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy badApache5Noop(SSLContext ctx) {
        return new org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy(ctx, org.apache.hc.client5.http.ssl.NoopHostnameVerifier.INSTANCE); // BUG: java/accept-all-hostnames
    }

    // ---- good ----

    /** Accepts only the eligibility service's host name. */
    static class EligibilityHostVerifier implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) {
            return "eligibility.insurer.example".equalsIgnoreCase(hostname)
                    && hostname.equalsIgnoreCase(session.getPeerHost());
        }
    }

    public void goodDelegatingLambda(HttpsURLConnection conn) {
        HostnameVerifier platform = HttpsURLConnection.getDefaultHostnameVerifier();
        conn.setHostnameVerifier((h, s) -> h.endsWith(".hl7.example") && platform.verify(h, s));
    }

    public void goodNamed(HttpsURLConnection conn) {
        conn.setHostnameVerifier(new EligibilityHostVerifier());
    }

    public CloseableHttpClient goodApacheDefault(SSLContext ctx) {
        SSLConnectionSocketFactory f = new SSLConnectionSocketFactory(ctx, SSLConnectionSocketFactory.getDefaultHostnameVerifier());
        return HttpClients.custom().setSSLSocketFactory(f).build();
    }

    public CloseableHttpClient goodApacheStrictDefaults() {
        return HttpClients.createSystem();
    }
}
