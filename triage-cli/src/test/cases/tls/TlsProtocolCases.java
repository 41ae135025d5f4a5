package corpus.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** TLS set-up of the HL7 MLLP connector to the hospital's lab system. */
public class TlsProtocolCases {
    private static final String LEGACY_PROTOCOL = "TLSv1";
    private static final String PROTOCOL = "TLSv1.3";

    public SSLContext badSslLiteral() throws Exception {
        return SSLContext.getInstance("SSL"); // BUG: java/weak-tls-protocol
    }

    public SSLContext badConstant() throws Exception {
        return SSLContext.getInstance(LEGACY_PROTOCOL); // BUG: java/weak-tls-protocol
    }

    public SSLContext badConcatenation() throws Exception {
        String family = "SSL";
        return SSLContext.getInstance(family + "v3"); // BUG: java/weak-tls-protocol
    }

    public SSLContext badStringBuilder() throws Exception {
        String p = new StringBuilder("TLS").append("v1").append(".1").toString();
        return SSLContext.getInstance(p); // BUG: java/weak-tls-protocol
    }

    private static String legacyProtocol() {
        return "SSLv2";
    }

    private static String modernProtocol() {
        return "TLSv1.2";
    }

    public SSLContext badHelperReturn() throws Exception {
        return SSLContext.getInstance(legacyProtocol()); // BUG: java/weak-tls-protocol
    }

    public void badEnabledProtocols(SSLSocket socket) {
        socket.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.1"}); // BUG: java/weak-tls-protocol
    }

    public SSLSocket badEnabledProtocolsOnNewSocket(String host, int port) throws Exception {
        SSLSocket s = (SSLSocket) SSLSocketFactory.getDefault().createSocket(host, port);
        s.setEnabledProtocols(new String[] {"TLSv1.2", "SSLv3"}); // BUG: java/weak-tls-protocol
        return s;
    }

    // ---- good ----

    public SSLContext goodLiteral() throws Exception {
        return SSLContext.getInstance("TLSv1.3");
    }

    public SSLContext goodGenericTls() throws Exception {
        return SSLContext.getInstance("TLS");
    }

    public SSLContext goodConstant() throws Exception {
        return SSLContext.getInstance(PROTOCOL);
    }

    public SSLContext goodConcatenation() throws Exception {
        String family = "TLS";
        return SSLContext.getInstance(family + "v1.2");
    }

    public SSLContext goodHelperReturn() throws Exception {
        return SSLContext.getInstance(modernProtocol());
    }

    public SSLContext goodDefault() throws Exception {
        return SSLContext.getDefault();
    }

    public void goodEnabledProtocols(SSLSocket socket) {
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    }
}
