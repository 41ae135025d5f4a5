package corpus.csrf;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/** CSRF protection kept: the defaults, a cookie token for the single-page app, one webhook path exempted. */
public class PortalDefaultsSecurityConfig {
    public SecurityFilterChain defaults(HttpSecurity http) throws Exception {
        http.csrf(Customizer.withDefaults());
        http.httpBasic(AbstractHttpConfigurer::disable);
        return http.build();
    }

    public SecurityFilterChain cookieToken(HttpSecurity http) throws Exception {
        http.csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()).ignoringRequestMatchers("/webhooks/lab"));
        return http.build();
    }
}
