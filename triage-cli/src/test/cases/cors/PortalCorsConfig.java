package corpus.cors;

import org.springframework.web.servlet.config.annotation.CorsRegistration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The patient portal's Spring MVC CORS mappings. An origin *pattern* that matches every origin is answered with the
 * requesting site's own origin, so with credentials allowed any web site reads the signed-in user's responses
 * (CWE-942). allowedOrigins("*") with credentials is refused by Spring when a request comes in (nothing is allowed),
 * and a pattern naming the clinic's hosts allows those only.
 */
public class PortalCorsConfig implements WebMvcConfigurer {
    private static final String ANY = "*";

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/records/**").allowedOriginPatterns("*").allowCredentials(true); // BUG: java/cors-origin-reflection
        registry.addMapping("/api/public/**").allowedOriginPatterns("*").allowedMethods("GET");
        registry.addMapping("/api/portal/**").allowedOriginPatterns("https://*.clinic.example").allowCredentials(true);
        registry.addMapping("/api/legacy/**").allowedOrigins("*").allowCredentials(true);
        registry.addMapping("/api/mobile/**").allowedOriginPatterns("https://app.clinic.example", ANY).allowCredentials(true); // BUG: java/cors-origin-reflection
        registry.addMapping("/api/anon/**").allowedOriginPatterns(ANY).allowCredentials(false);
        registerAppointments(registry);
        registerLabResults(registry);
    }

    /** Credentials first, the pattern later: the mapping allows both all the same. */
    private void registerAppointments(CorsRegistry registry) {
        CorsRegistration r = registry.addMapping("/api/appointments/**");
        r.allowCredentials(true); // BUG: java/cors-origin-reflection
        r.allowedOriginPatterns("https://*");
    }

    /** Any https host on a fixed port pattern is still a list of hosts the clinic controls. */
    private void registerLabResults(CorsRegistry registry) {
        CorsRegistration r = registry.addMapping("/api/labs/**");
        r.allowedOriginPatterns("https://labs.clinic.example:[*]");
        r.allowCredentials(true);
    }
}
