package corpus.csrf;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The FHIR API's filter chain: stateless, every request carries a bearer token the browser does not attach by
 * itself, so a forged cross-site request is not authenticated and CSRF protection has nothing to protect.
 */
public class FhirApiSecurityConfig {
    public SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/fhir/**");
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
