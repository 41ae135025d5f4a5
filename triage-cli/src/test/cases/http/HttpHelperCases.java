package corpus.http;

import org.apache.http.client.methods.HttpGet;

/** URLs handed to app helpers; the sink line is inside the helper. */
public class HttpHelperCases {
    /** One caller passes an http:// URL. */
    static HttpGet get(String url) {
        return new HttpGet(url); // BUG: java/cleartext-http
    }

    /** Every caller passes https:// or localhost. */
    static HttpGet fetch(String url) {
        return new HttpGet(url);
    }

    public HttpGet vaccinationRegistryLegacy() {
        return get("http://registry.health.example/vaccinations");
    }

    public HttpGet vaccinationRegistry() {
        return get("https://registry.health.example/vaccinations");
    }

    public HttpGet allergyService() {
        return fetch("https://allergy.health.example/v2/allergies");
    }

    public HttpGet localSidecar() {
        return fetch("http://localhost:15000/ready");
    }
}
