package corpus.cors;

import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** The same mappings on Spring WebFlux. */
public class ReactiveCorsConfig implements WebFluxConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/fhir/**").allowedOriginPatterns("*").allowCredentials(true); // BUG: java/cors-origin-reflection
        registry.addMapping("/fhir/metadata").allowedOriginPatterns("*");
        registry.addMapping("/fhir/patient/**").allowedOriginPatterns("https://*.clinic.example").allowCredentials(true);
    }
}
