package corpus.deserialization;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.Serializable;
import java.util.List;

/**
 * A messaging API whose JSON types carry polymorphic typing by class name. On a field declared as Object or
 * Serializable the document names any class on the class path (gadgets included), whether the app reads it with
 * readValue or Spring binds the request body; by logical name (Id.NAME), or on a field of an app type, it can only pick
 * the known subtypes.
 */
@RestController
public class JacksonTypeInfoCases {
    public static class Envelope {
        public String sender;
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        public Object payload;
    }

    public static class Batch {
        public List<Envelope> items;
    }

    public static class MinimalEnvelope {
        @JsonTypeInfo(use = JsonTypeInfo.Id.MINIMAL_CLASS, include = JsonTypeInfo.As.PROPERTY)
        public Serializable payload;
    }

    public static class AnyValues {
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        public List<Object> values;
    }

    public static class LabResult {
        public String code;
    }

    public static class NamedEnvelope {
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
        @JsonSubTypes({@JsonSubTypes.Type(value = LabResult.class, name = "lab")})
        public Object payload;
    }

    public abstract static class Observation {
        public String code;
    }

    public static class ObservationHolder {
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        public Observation observation;
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @PostMapping("/messages")
    public Object badEnvelope(@RequestBody String body) throws Exception {
        return mapper.readValue(body, Envelope.class); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/messages/batch")
    public Object badNestedEnvelope(@RequestBody String body) throws Exception {
        return mapper.readValue(body, Batch.class); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/messages/minimal")
    public Object badMinimalClass(@RequestBody byte[] body) throws Exception {
        return mapper.readValue(body, MinimalEnvelope.class); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/messages/named")
    public Object goodNamedTypes(@RequestBody String body) throws Exception {
        return mapper.readValue(body, NamedEnvelope.class);
    }

    @PostMapping("/messages/observation")
    public Object goodAppBaseType(@RequestBody String body) throws Exception {
        return mapper.readValue(body, ObservationHolder.class);
    }

    @PostMapping("/messages/lab")
    public Object goodPlainType(@RequestBody String body) throws Exception {
        return mapper.readValue(body, LabResult.class);
    }

    /** The app's own constant document. */
    public Object goodConstantEnvelope() throws Exception {
        return mapper.readValue("{\"sender\":\"demo\"}", Envelope.class);
    }

    @PostMapping("/messages/bound")
    public String badBoundEnvelope(@RequestBody Envelope envelope) {
        return "received"; // BUG: java/unsafe-deserialization
    }

    @PostMapping("/messages/bound-values")
    public String badBoundAnyValues(@RequestBody AnyValues values) {
        return "received"; // BUG: java/unsafe-deserialization
    }

    @PostMapping("/messages/bound-named")
    public String goodBoundNamed(@RequestBody NamedEnvelope envelope) {
        return "received";
    }

    @PostMapping("/messages/bound-observation")
    public String goodBoundAppBaseType(@RequestBody ObservationHolder holder) {
        return "received";
    }
}
