package corpus.csrf;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The patient portal's browser-facing security: sessions in cookies (form login), so CSRF protection must stay on.
 * Three ways of switching it off, each reported; switching off HTTP Basic and the logout page is harmless.
 */
public class PortalSecurityConfig {
    public SecurityFilterChain chainedDisable(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(f -> f.loginPage("/login"));
        http.csrf().disable(); // BUG: java/csrf-disabled
        return http.build();
    }

    public SecurityFilterChain lambdaDisable(HttpSecurity http) throws Exception {
        http.formLogin(f -> f.loginPage("/login"));
        http.csrf(c -> c.disable()); // BUG: java/csrf-disabled
        return http.build();
    }

    public SecurityFilterChain methodReferenceDisable(HttpSecurity http) throws Exception {
        http.httpBasic(AbstractHttpConfigurer::disable);
        http.csrf(AbstractHttpConfigurer::disable); // BUG: java/csrf-disabled
        http.logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    public SecurityFilterChain helperDisable(HttpSecurity http) throws Exception {
        http.csrf(this::noCsrf);
        return http.build();
    }

    private void noCsrf(CsrfConfigurer<HttpSecurity> csrf) {
        csrf.disable(); // BUG: java/csrf-disabled
    }
}
