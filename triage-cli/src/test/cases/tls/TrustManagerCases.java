package corpus.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.logging.Logger;

/** Trust managers used by the connector to the regional lab exchange. */
public class TrustManagerCases {

    /** Accepts every server certificate. */
    static class LabExchangeTrustAll implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] c, String a) { }
        public void checkServerTrusted(X509Certificate[] c, String a) { } // BUG: java/trust-all-certificates
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }

    /** Only logs, never rejects. */
    static class LoggingTrustManager implements X509TrustManager {
        private static final Logger LOG = Logger.getLogger("lab-exchange");

        public void checkClientTrusted(X509Certificate[] chain, String authType) { }

        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            LOG.fine("server certificate " + chain[0].getSubjectX500Principal()); // BUG: java/trust-all-certificates
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The extended flavour: every checkServerTrusted overload is empty. */
    static class PharmacyTrustAll extends X509ExtendedTrustManager {
        public void checkClientTrusted(X509Certificate[] c, String a) { }
        public void checkServerTrusted(X509Certificate[] c, String a) { } // BUG: java/trust-all-certificates
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) { }
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) { } // BUG: java/trust-all-certificates
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { } // BUG: java/trust-all-certificates
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }

    public SSLContext badAnonymous() throws Exception {
        TrustManager tm = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { } // BUG: java/trust-all-certificates
            public X509Certificate[] getAcceptedIssuers() { return null; }
        };
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, new TrustManager[] {tm}, null);
        return ctx;
    }

    public SSLContext badNamed() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new LabExchangeTrustAll(), new LoggingTrustManager(), new PharmacyTrustAll()}, null);
        return ctx;
    }

    // ---- good ----

    /** Delegates to the platform trust manager. */
    static class DelegatingTrustManager implements X509TrustManager {
        private final X509TrustManager delegate;

        DelegatingTrustManager() throws Exception {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            this.delegate = (X509TrustManager) tmf.getTrustManagers()[0];
        }

        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** Pins the lab exchange's certificate; an empty checkClientTrusted is not this rule's business. */
    static class PinningTrustManager implements X509TrustManager {
        private final byte[] pinnedSha256;

        PinningTrustManager(byte[] pinnedSha256) {
            this.pinnedSha256 = pinnedSha256.clone();
        }

        public void checkClientTrusted(X509Certificate[] c, String a) { }

        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                byte[] actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
                if (!MessageDigest.isEqual(actual, pinnedSha256)) {
                    throw new CertificateException("certificate of the lab exchange does not match the pin");
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Checks validity dates, which throws on an expired certificate. */
    static class ValidityCheckingTrustManager implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] c, String a) { }

        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) throw new CertificateException("empty chain");
            chain[0].checkValidity();
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    public SSLContext goodContexts(byte[] pin) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(null, new TrustManager[] {new DelegatingTrustManager(), new PinningTrustManager(pin),
                new ValidityCheckingTrustManager()}, null);
        return ctx;
    }
}
