package corpus.cors;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.ArrayList;
import java.util.List;

/** CORS configuration objects handed to Spring Security's cors() or a CorsFilter. */
public class CorsSourceConfig {
    public CorsConfigurationSource anyOriginWithCredentials() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOriginPattern("*");
        config.addAllowedMethod("*");
        config.setAllowCredentials(true); // BUG: java/cors-origin-reflection
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    public CorsConfiguration patternsFromAList() {
        List<String> patterns = new ArrayList<>();
        patterns.add("https://portal.clinic.example");
        patterns.add("*");
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(patterns);
        config.setAllowCredentials(true); // BUG: java/cors-origin-reflection
        return config;
    }

    /** Spring rejects "*" origins with credentials at the first request (validateAllowCredentials). */
    public CorsConfiguration wildcardOriginRefusedBySpring() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("*");
        config.setAllowCredentials(true);
        return config;
    }

    public CorsConfiguration clinicHostsWithCredentials() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOriginPattern("https://*.clinic.example");
        config.setAllowCredentials(true);
        return config;
    }

    public CorsConfiguration anyOriginWithoutCredentials() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOriginPattern("*");
        config.setAllowCredentials(false);
        return config;
    }

    /** Credentials decided by the deployment: not a value Triage can judge. */
    public CorsConfiguration credentialsFromSetting(boolean allow) {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOriginPattern("https://*.clinic.example");
        config.setAllowCredentials(allow);
        return config;
    }
}
