package corpus.deserialization;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.WebUtils;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * A Spring Boot portal that keeps the user's preferences client-side: a cookie or header, Base64-encoded, read back
 * with Java serialization. Whoever sends the request chooses the classes the server builds.
 */
@RestController
public class SpringSessionStateCases {

    @GetMapping("/prefs")
    public Object badCookieValue(@CookieValue("prefs") String prefs) throws IOException, ClassNotFoundException {
        byte[] raw = Base64.getDecoder().decode(prefs);
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw));
        return in.readObject(); // BUG: java/unsafe-deserialization
    }

    @GetMapping("/prefs/header")
    public Object badHeaderThroughHelper(@RequestHeader("X-Prefs") String header) throws IOException, ClassNotFoundException {
        return restore(Base64.getMimeDecoder().decode(header));
    }

    private static Object restore(byte[] state) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new ByteArrayInputStream(state)))) {
            return in.readObject(); // BUG: java/unsafe-deserialization
        }
    }

    @PostMapping("/prefs/compressed")
    public Object badGzipCookie(HttpServletRequest req) throws IOException, ClassNotFoundException {
        Cookie c = WebUtils.getCookie(req, "state");
        InputStream bytes = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(c.getValue())));
        return new ObjectInputStream(bytes).readObject(); // BUG: java/unsafe-deserialization
    }

    @GetMapping("/prefs/servlet")
    public Object badServletCookies(HttpServletRequest req) throws IOException, ClassNotFoundException {
        for (Cookie c : req.getCookies()) {
            if ("remember".equals(c.getName())) {
                byte[] raw = org.apache.commons.codec.binary.Base64.decodeBase64(c.getValue());
                return new ObjectInputStream(new ByteArrayInputStream(raw)).readObject(); // BUG: java/unsafe-deserialization
            }
        }
        return null;
    }

    @GetMapping("/prefs/unshared")
    public Object badReadUnshared(@CookieValue("cart") String cart) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(cart.trim())));
        return in.readUnshared(); // BUG: java/unsafe-deserialization
    }

    @SuppressWarnings("deprecation")
    @GetMapping("/prefs/spring-utils")
    public Object badSpringSerializationUtils(@RequestHeader("X-State") String state) {
        return org.springframework.util.SerializationUtils.deserialize(Base64.getDecoder().decode(state)); // BUG: java/unsafe-deserialization
    }

    @GetMapping("/prefs/filtered")
    public Object goodAllowListFilter(@CookieValue("prefs") String prefs) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(prefs)));
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("corpus.deserialization.Preferences;java.base/*;!*"));
        return in.readObject();
    }

    /** The cookie only names the preferences; the server reads its own copy. */
    @GetMapping("/prefs/server-side")
    public Object goodServerSideState(@CookieValue("prefs") String prefsId) throws IOException, ClassNotFoundException {
        byte[] stored = load(Long.parseLong(prefsId));
        return new ObjectInputStream(new ByteArrayInputStream(stored)).readObject();
    }

    private static byte[] load(long id) {
        return new byte[]{(byte) 0xac, (byte) 0xed, 0, 5, (byte) id};
    }

    /** Decoded as text, never deserialised. */
    @GetMapping("/prefs/text")
    public String goodDecodedAsText(@CookieValue("theme") String theme) {
        String name = new String(Base64.getDecoder().decode(theme), java.nio.charset.StandardCharsets.UTF_8);
        return name.matches("[a-z]{1,16}") ? name : "default";
    }
}
