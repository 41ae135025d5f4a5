package corpus.deserialization.fastjsonsafe;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.ParserConfig;

/** An insurance claims parser on fastjson with autoType off and safe mode on, in code and in fastjson.properties. */
public class ClaimsParser {
    public Claim parse(String body) {
        ParserConfig config = new ParserConfig();
        config.setSafeMode(true);
        config.addAccept("corpus.deserialization.fastjsonsafe.ClaimsParser$Claim");
        return JSON.parseObject(body, Claim.class, config);
    }

    public static class Claim {
        public String id;
        public String amount;
    }
}
