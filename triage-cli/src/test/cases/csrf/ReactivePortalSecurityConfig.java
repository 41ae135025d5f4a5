package corpus.csrf;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** The WebFlux front end keeps sessions in cookies too: switching CSRF off there is the same flaw. */
public class ReactivePortalSecurityConfig {
    public SecurityWebFilterChain methodReference(ServerHttpSecurity http) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable); // BUG: java/csrf-disabled
        return http.build();
    }

    public SecurityWebFilterChain lambda(ServerHttpSecurity http) {
        http.csrf(c -> c.disable()); // BUG: java/csrf-disabled
        return http.build();
    }

    public SecurityWebFilterChain kept(ServerHttpSecurity http) {
        http.formLogin(f -> f.loginPage("/login"));
        return http.build();
    }
}
