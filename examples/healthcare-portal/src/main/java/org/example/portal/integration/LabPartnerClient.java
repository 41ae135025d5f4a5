package org.example.portal.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Talks to Acme Reference Labs: fetches results over HTTPS and sends HL7 orders over a TLS socket
 * (MLLP). The legacy methods were written to "get the partner's self-signed test server working"
 * and are deliberately insecure.
 */
public class LabPartnerClient {

    private static final String LEGACY_RESULTS_URL = "http://results.acme-labs.example/api/v1/results";
    private static final String RESULTS_URL = "https://results.acme-labs.example/api/v2/results";
    private static final String PARTNER_HOST = "results.acme-labs.example";
    private static final int MLLP_PORT = 2575;

    /** Legacy results feed over plain HTTP: lab results cross the network in clear text. */
    public String fetchResultsLegacy(String patientId) throws IOException {
        URL url = new URL(LEGACY_RESULTS_URL); // BUG: java/cleartext-http
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        return post(conn, "patient=" + URLEncoder.encode(patientId, StandardCharsets.UTF_8));
    }

    /** Safe twin: HTTPS with the platform's trust store and hostname check. */
    public String fetchResults(String patientId) throws IOException {
        URL url = new URL(RESULTS_URL);
        HttpsURLConnection conn = (HttpsURLConnection) url.openConnection();
        return post(conn, "patient=" + URLEncoder.encode(patientId, StandardCharsets.UTF_8));
    }

    /** Status page of the partner's staging server, fetched ad hoc by support staff. */
    public String fetchStagingStatus() throws IOException {
        URL url = new URL("http://staging.acme-labs.example/status"); // BUG: java/cleartext-http
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        try (InputStream in = conn.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Legacy HTTPS connection: TLS 1.0, every certificate trusted, every host name accepted. */
    public HttpsURLConnection openPartnerConnectionLegacy() throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLSv1"); // BUG: java/weak-tls-protocol
        context.init(null, new TrustManager[] {new TrustAllManager()}, new SecureRandom());
        HttpsURLConnection conn = (HttpsURLConnection) new URL(RESULTS_URL).openConnection();
        conn.setSSLSocketFactory(context.getSocketFactory());
        conn.setHostnameVerifier((host, sslSession) -> true); // BUG: java/accept-all-hostnames
        return conn;
    }

    /** Safe twin: TLS 1.3, trust limited to the partner's CA, default host name verification. */
    public HttpsURLConnection openPartnerConnection(Path partnerCaStore) throws IOException, GeneralSecurityException {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(partnerCaStore)) {
            trustStore.load(in, null);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(clientKeys(), new TrustManager[] {new PartnerCaTrustManager(tmf)}, new SecureRandom());
        HttpsURLConnection conn = (HttpsURLConnection) new URL(RESULTS_URL).openConnection();
        conn.setSSLSocketFactory(context.getSocketFactory());
        return conn;
    }

    /** An old support tool's verifier, kept "for the test server". */
    public static HostnameVerifier legacyVerifier() {
        return new HostnameVerifier() {
            @Override
            public boolean verify(String hostname, SSLSession sslSession) {
                return true; // BUG: java/accept-all-hostnames
            }
        };
    }

    /** Safe twin: only the partner host, and only if the default verifier agrees too. */
    public static HostnameVerifier partnerVerifier() {
        HostnameVerifier platform = HttpsURLConnection.getDefaultHostnameVerifier();
        return (hostname, sslSession) -> PARTNER_HOST.equalsIgnoreCase(hostname) && platform.verify(hostname, sslSession);
    }

    /** Legacy client certificate store, opened with the vendor's default password. */
    public KeyStore loadClientStoreLegacy(Path p12) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, "changeit".toCharArray()); // BUG: java/hardcoded-password
        }
        return store;
    }

    /** HL7 orders over MLLP; the legacy socket still allows TLS 1.0 and 1.1. */
    public SSLSocket openOrderSocketLegacy(SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(PARTNER_HOST, MLLP_PORT);
        socket.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.1"}); // BUG: java/weak-tls-protocol
        return socket;
    }

    /** Safe twin: TLS 1.3 and 1.2 only. */
    public SSLSocket openOrderSocket(SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(PARTNER_HOST, MLLP_PORT);
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return socket;
    }

    /** Safe twin of the client store: its password comes from the environment. */
    private static javax.net.ssl.KeyManager[] clientKeys() throws IOException, GeneralSecurityException {
        String location = System.getenv("LAB_PARTNER_KEYSTORE");
        String password = System.getenv("LAB_PARTNER_KEYSTORE_PASSWORD");
        if (location == null || password == null) {
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password.toCharArray());
        return kmf.getKeyManagers();
    }

    private static String post(HttpURLConnection conn, String body) throws IOException {
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        conn.setConnectTimeout(5_000);
        conn.setReadTimeout(15_000);
        conn.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = conn.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = conn.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Trusts every certificate: "the partner's test server has a self-signed certificate". */
    static final class TrustAllManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) { }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) { } // BUG: java/trust-all-certificates

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Safe twin: delegates to a trust manager built from the partner's CA and logs failures. */
    static final class PartnerCaTrustManager implements X509TrustManager {
        private final X509TrustManager delegate;

        PartnerCaTrustManager(TrustManagerFactory factory) {
            X509TrustManager found = null;
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    found = (X509TrustManager) tm;
                }
            }
            if (found == null) {
                throw new IllegalStateException("no X509TrustManager for the partner CA");
            }
            this.delegate = found;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the lab partner sent no certificate");
            }
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
