package corpus.tls.propsprotocol;

import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.util.Properties;

/** Takes the TLS protocol of the imaging archive connector from the bundled tls.properties. */
public class ImagingConnector {
    private final Properties settings = new Properties();

    public ImagingConnector() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/tls.properties")) {
            settings.load(in);
        }
    }

    public SSLContext badFromFile() throws Exception {
        return SSLContext.getInstance(settings.getProperty("tls.protocol")); // BUG: java/weak-tls-protocol
    }

    public SSLContext goodFromFile() throws Exception {
        return SSLContext.getInstance(settings.getProperty("tls.modern"));
    }

    public SSLContext badAbsentKeyWeakDefault() throws Exception {
        return SSLContext.getInstance(settings.getProperty("tls.fallback", "SSLv3")); // BUG: java/weak-tls-protocol
    }

    public SSLContext goodAbsentKeyStrongDefault() throws Exception {
        return SSLContext.getInstance(settings.getProperty("tls.fallback", "TLSv1.2"));
    }
}
