package corpus.deserialization.fastjsonsafemode;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alibaba.fastjson.parser.ParserConfig;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same per-call feature in an app that switches fastjson's safe mode on globally at start-up: safe mode wins
 * over SupportAutoType, and no document can name a class.
 */
@RestController
public class ReferralFeedParser {
    static {
        ParserConfig.getGlobalInstance().setSafeMode(true);
    }

    public static class Referral {
        public String patient;
    }

    @PostMapping("/referrals/typed")
    public Referral goodSafeModeWins(@RequestBody String body) {
        return JSON.parseObject(body, Referral.class, Feature.SupportAutoType);
    }

    @PostMapping("/referrals/any")
    public Object goodSafeModeWinsForParse(@RequestBody String body) {
        return JSON.parse(body, Feature.SupportAutoType);
    }
}
