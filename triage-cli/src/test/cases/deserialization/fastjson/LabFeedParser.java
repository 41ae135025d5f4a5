package corpus.deserialization.fastjson;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.ParserConfig;

/**
 * A lab feed importer built on fastjson 1.x: autoType switched on, globally or for one configuration, lets each
 * imported document name the class fastjson instantiates.
 */
public class LabFeedParser {
    static {
        ParserConfig.getGlobalInstance().setAutoTypeSupport(true); // BUG: java/fastjson-autotype
    }

    private final ParserConfig importConfig = new ParserConfig();

    public LabFeedParser() {
        importConfig.setAutoTypeSupport(true); // BUG: java/fastjson-autotype
    }

    public Object parseImport(String body) {
        return JSON.parseObject(body, Object.class, importConfig);
    }

    public Object parseWithOwnConfig(String body) {
        ParserConfig config = new ParserConfig();
        config.setAutoTypeSupport(true); // BUG: java/fastjson-autotype
        return JSON.parseObject(body, Object.class, config);
    }

    public void enableOnTheLegacyGlobal() {
        ParserConfig.global.setAutoTypeSupport(true); // BUG: java/fastjson-autotype
    }

    public void enableAfterCheckingAFlag(boolean legacyClients) {
        ParserConfig config = ParserConfig.getGlobalInstance();
        if (legacyClients) {
            config.setAutoTypeSupport(true); // BUG: java/fastjson-autotype
        }
    }

    /** Concrete target classes, autoType left off: documents cannot pick a class. */
    public LabResult parseTyped(String body) {
        return JSON.parseObject(body, LabResult.class);
    }

    public void switchOff() {
        ParserConfig.getGlobalInstance().setAutoTypeSupport(false);
        ParserConfig.getGlobalInstance().setSafeMode(true);
    }

    public static class LabResult {
        public String code;
        public String value;
    }
}
