package corpus.http.propsendpoint;

import org.springframework.web.client.RestTemplate;

import javax.xml.validation.SchemaFactory;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

/** Partner endpoints come from the bundled endpoints.properties. */
public class PartnerEndpoints {
    private final Properties endpoints = new Properties();
    private final RestTemplate rest = new RestTemplate();

    public PartnerEndpoints() throws Exception {
        try (InputStream in = PartnerEndpoints.class.getResourceAsStream("/endpoints.properties")) {
            endpoints.load(in);
        }
    }

    public String badFromFile() {
        return rest.getForObject(endpoints.getProperty("lab.endpoint"), String.class); // BUG: java/cleartext-http
    }

    public String goodFromFile() {
        return rest.getForObject(endpoints.getProperty("pharmacy.endpoint"), String.class);
    }

    public URL badAbsentKeyCleartextDefault() throws Exception {
        return new URL(endpoints.getProperty("radiology.endpoint", "http://radiology.example.org/api")); // BUG: java/cleartext-http
    }

    public URL goodAbsentKeyHttpsDefault() throws Exception {
        return new URL(endpoints.getProperty("radiology.endpoint", "https://radiology.example.org/api"));
    }

    /** A namespace from the file, given to a non-network API. */
    public SchemaFactory goodNamespaceFromFile() {
        return SchemaFactory.newInstance(endpoints.getProperty("schema.namespace"));
    }
}
