package corpus.deserialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jackson default typing switched on through JsonMapper.builder(), and on mappers kept in fields and configured in the
 * constructor: a JSON document then names the class Jackson instantiates, wherever the mapper reads it.
 */
@RestController
public class JacksonBuilderCases {
    public static class Prescription {
        public String drug;
        public String dose;
    }

    private final ObjectMapper legacyMapper;
    private final ObjectMapper typedField = JsonMapper.builder()
            .activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL).build();
    private final ObjectMapper plainBuilt = JsonMapper.builder().build();

    public JacksonBuilderCases() {
        legacyMapper = new ObjectMapper();
        legacyMapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.EVERYTHING);
    }

    @PostMapping("/rx/builder")
    public Object badBuilderTyping(@RequestBody String body) throws Exception {
        JsonMapper mapper = JsonMapper.builder().activateDefaultTyping(LaissezFaireSubTypeValidator.instance).build();
        return mapper.readValue(body, Object.class); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/rx/legacy")
    public Object badFieldConfiguredInConstructor(@RequestBody String body) throws Exception {
        return legacyMapper.readValue(body, Object.class); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/rx/typed")
    public Object badFieldBuiltWithTyping(@RequestBody String body) throws Exception {
        return typedField.readValue(body, Object.class); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/rx/plain")
    public Prescription goodBuilderWithoutTyping(@RequestBody String body) throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        return mapper.readValue(body, Prescription.class);
    }

    @PostMapping("/rx/plain-field")
    public Prescription goodPlainBuiltField(@RequestBody String body) throws Exception {
        return plainBuilt.readValue(body, Prescription.class);
    }

    @PostMapping("/rx/deactivated")
    public Object goodBuilderTypingSwitchedOff(@RequestBody String body) throws Exception {
        JsonMapper mapper = JsonMapper.builder().activateDefaultTyping(LaissezFaireSubTypeValidator.instance)
                .deactivateDefaultTyping().build();
        return mapper.readValue(body, Object.class);
    }

    /** The typed field reading the app's own constant document. */
    public Object goodTypedFieldConstant() throws Exception {
        return legacyMapper.readValue("[\"java.util.ArrayList\",[]]", Object.class);
    }
}
