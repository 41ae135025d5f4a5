package corpus.deserialization.fastjsonfeature;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alibaba.fastjson.parser.ParserConfig;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A consent feed on fastjson 1.x with autoType left off globally: Feature.SupportAutoType on one parse call switches
 * it on for that call, so the document names the class fastjson instantiates.
 */
@RestController
public class ConsentFeedParser {
    public static class Consent {
        public String patient;
        public boolean research;
    }

    @PostMapping("/consents/typed")
    public Consent badTypedWithAutoType(@RequestBody String body) {
        return JSON.parseObject(body, Consent.class, Feature.SupportAutoType); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/consents/any")
    public Object badParseWithAutoType(@RequestBody String body) {
        return JSON.parse(body, Feature.AllowComment, Feature.SupportAutoType); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/consents/object")
    public Object badParseObjectWithAutoType(@RequestBody String body) {
        return JSON.parseObject(body, Feature.SupportAutoType); // BUG: java/unsafe-deserialization
    }

    /** Safe mode on a configuration of its own changes nothing for calls that use the global one. */
    @PostMapping("/consents/local-safe")
    public Object badLocalSafeModeOnly(@RequestBody String body) {
        ParserConfig local = new ParserConfig();
        local.setSafeMode(true);
        return JSON.parseObject(body, Object.class, Feature.SupportAutoType); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/consents/plain")
    public Consent goodTypedWithoutFeature(@RequestBody String body) {
        return JSON.parseObject(body, Consent.class);
    }

    @PostMapping("/consents/comments")
    public Consent goodOtherFeature(@RequestBody String body) {
        return JSON.parseObject(body, Consent.class, Feature.AllowComment, Feature.AllowSingleQuotes);
    }

    /** The app's own constant document. */
    public Object goodConstantWithAutoType() {
        return JSON.parse("{\"patient\":\"demo\"}", Feature.SupportAutoType);
    }
}
