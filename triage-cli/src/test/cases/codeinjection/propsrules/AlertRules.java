package corpus.codeinjection.propsrules;

import org.springframework.expression.spel.standard.SpelExpressionParser;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Alert rules from the bundled rules.properties. */
public class AlertRules {
    private final Properties props = new Properties();
    private final SpelExpressionParser parser = new SpelExpressionParser();

    public AlertRules() {
        try (InputStream in = AlertRules.class.getResourceAsStream("/rules.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object goodRuleFromFile(HttpServletRequest req) {
        req.getParameter("rule");
        return parser.parseExpression(props.getProperty("rule.hyperkalemia")).getValue();
    }

    public Object badRulePrefixPlusParam(HttpServletRequest req) {
        return parser.parseExpression(props.getProperty("rule.potassium.prefix") + req.getParameter("threshold")).getValue(); // BUG: java/code-injection
    }

    /** rule.editing=locked: the request branch is dead. */
    public Object goodModeFromFile(HttpServletRequest req) {
        String rule = "locked".equals(props.getProperty("rule.editing")) ? props.getProperty("rule.hyperkalemia") : req.getParameter("rule");
        return parser.parseExpression(rule).getValue();
    }

    /** sandbox.rule.editing=open: the request branch is live. */
    public Object badModeFromFile(HttpServletRequest req) {
        String rule = "locked".equals(props.getProperty("sandbox.rule.editing")) ? props.getProperty("rule.hyperkalemia") : req.getParameter("rule");
        return parser.parseExpression(rule).getValue(); // BUG: java/code-injection
    }
}
