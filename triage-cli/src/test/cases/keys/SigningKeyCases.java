package corpus.keys;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.security.Keys;
import org.apache.shiro.codec.Base64;
import org.apache.shiro.web.mgt.CookieRememberMeManager;

import java.nio.charset.StandardCharsets;

/** Session tokens for the patient app (JWT) and the staff console's remember-me cookie (Shiro). */
public class SigningKeyCases {
    private static final String JWT_SECRET = "portal-jwt-signing-secret-2019!!";

    public String badJjwtStringSecret(String patientId) {
        return Jwts.builder().setSubject(patientId).signWith(SignatureAlgorithm.HS256, "c2VjcmV0LXBhdGllbnQta2V5LWZvci1zaWduaW5n").compact(); // BUG: java/hardcoded-key
    }

    public String badJjwtKeysFromConstant(String patientId) {
        return Jwts.builder().setSubject(patientId)
                .signWith(Keys.hmacShaKeyFor(JWT_SECRET.getBytes(StandardCharsets.UTF_8))).compact(); // BUG: java/hardcoded-key
    }

    public String badAuth0Hmac(String patientId) {
        return JWT.create().withSubject(patientId).sign(Algorithm.HMAC256(JWT_SECRET)); // BUG: java/hardcoded-key
    }

    public CookieRememberMeManager badShiroDefaultKey() {
        CookieRememberMeManager manager = new CookieRememberMeManager();
        manager.setCipherKey(Base64.decode("kPH+bIxk5D2deZiIxcaaaA==")); // BUG: java/hardcoded-key
        return manager;
    }

    // ---- good ----

    public String goodJjwtFromEnvironment(String patientId) {
        byte[] secret = System.getenv("JWT_SECRET").getBytes(StandardCharsets.UTF_8);
        return Jwts.builder().setSubject(patientId).signWith(Keys.hmacShaKeyFor(secret)).compact();
    }

    public String goodAuth0FromParameter(String patientId, String secret) {
        return JWT.create().withSubject(patientId).sign(Algorithm.HMAC256(secret));
    }

    public CookieRememberMeManager goodShiroGeneratedKey() throws Exception {
        CookieRememberMeManager manager = new CookieRememberMeManager();
        javax.crypto.KeyGenerator kg = javax.crypto.KeyGenerator.getInstance("AES");
        kg.init(128);
        manager.setCipherKey(kg.generateKey().getEncoded());
        return manager;
    }
}
