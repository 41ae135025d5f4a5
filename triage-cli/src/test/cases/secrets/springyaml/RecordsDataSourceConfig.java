package corpus.secrets.springyaml;

/**
 * A Spring Boot service whose datasource and partner credentials come from application.yml. The code
 * itself holds no secret; the bundled YAML does (config/hardcoded-secret judges the file).
 */
public class RecordsDataSourceConfig {
    private final String url;

    public RecordsDataSourceConfig(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }
}
