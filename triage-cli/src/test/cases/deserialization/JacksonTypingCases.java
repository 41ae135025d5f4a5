package corpus.deserialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;

/**
 * A Spring REST import API reading JSON with Jackson: once default typing is on, a document names the class Jackson
 * instantiates (gadget chains through setters and constructors); plain data binding into a concrete type does not.
 */
@RestController
public class JacksonTypingCases {
    public static class Appointment {
        public String patient;
        public String room;
    }

    private final ObjectMapper plainMapper = new ObjectMapper();

    @PostMapping("/import/legacy")
    @SuppressWarnings("deprecation")
    public Object badEnableDefaultTyping(@RequestBody byte[] body) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enableDefaultTyping();
        return mapper.readValue(body, Object.class); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/import/state")
    public Object badTypedCookie(@CookieValue("wizard") String wizard) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        mapper.activateDefaultTypingAsProperty(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL, "@class");
        return mapper.readValue(Base64.getDecoder().decode(wizard), Object.class); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/import/appointment")
    public Appointment goodPlainMapperField(@RequestBody String body) throws Exception {
        return plainMapper.readValue(body, Appointment.class);
    }

    @PostMapping("/import/tree")
    public JsonNode goodTree(@RequestBody String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }

    /** Default typing on a mapper that reads only the app's own bundled defaults. */
    public Object goodTypedConstant() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance);
        return mapper.readValue("[\"java.util.ArrayList\",[]]", Object.class);
    }
}
