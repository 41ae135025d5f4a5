package corpus.codeinjection;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.mvel2.MVEL;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import java.util.Map;
import java.util.function.Function;

/** JAX-RS clinical-alert rules; expressions are parsed in helpers and nested classes. */
@Path("/alerts")
public class RuleHelperCases {
    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private String draftRule;
    private final String defaultRule = "#potassium > 5.5";

    interface Evaluator {
        Object eval(String rule);
    }

    static Expression compile(String rule) {
        return PARSER.parseExpression(rule); // BUG: java/code-injection
    }

    static Expression compileThreshold(double threshold) {
        return PARSER.parseExpression("#potassium > " + threshold);
    }

    @POST
    @Path("/rule")
    public Object badStaticHelper(@QueryParam("rule") String rule) {
        return compile(rule).getValue();
    }

    @POST
    @Path("/threshold")
    public Object goodStaticHelperNumeric(@QueryParam("t") String t) {
        return compileThreshold(Double.parseDouble(t)).getValue();
    }

    Object mvel(String expr) {
        return MVEL.eval(expr, Map.of("potassium", 4.1)); // BUG: java/code-injection
    }

    @POST
    @Path("/mvel")
    public Object badInstanceHelperEntityBody(String body) {
        return mvel(body);
    }

    @POST
    @Path("/groovy")
    public Object badOtherClass(@QueryParam("script") String script) {
        return new ScriptedReport().run(script);
    }

    class Preview {
        Object show(String rule) {
            return PARSER.parseExpression(rule).getValue(); // BUG: java/code-injection
        }
    }

    @POST
    @Path("/preview")
    public Object badInnerClass(@QueryParam("rule") String rule) {
        return new Preview().show(rule);
    }

    @POST
    @Path("/anon")
    public Object badAnonymousClass(@QueryParam("rule") String rule) {
        Evaluator e = new Evaluator() {
            @Override
            public Object eval(String r) {
                return PARSER.parseExpression(r).getValue(); // BUG: java/code-injection
            }
        };
        return e.eval(rule);
    }

    @POST
    @Path("/lambda")
    public Object badLambda(@QueryParam("rule") String rule) {
        Function<String, Object> eval = r -> PARSER.parseExpression(r).getValue(); // BUG: java/code-injection
        return eval.apply(rule);
    }

    @POST
    @Path("/lambda-safe")
    public Object goodLambdaFixed(@QueryParam("rule") String rule) {
        Function<String, Object> eval = r -> PARSER.parseExpression("1 + 1").getValue();
        return eval.apply(rule);
    }

    @POST
    @Path("/draft")
    public void remember(@QueryParam("rule") String rule) {
        draftRule = rule;
    }

    public Object badTaintedField() {
        return PARSER.parseExpression(draftRule).getValue(); // BUG: java/code-injection
    }

    public Object goodConstantField() {
        return PARSER.parseExpression(defaultRule).getValue();
    }
}

/** Custom report columns written as Groovy. */
class ScriptedReport {
    Object run(String script) {
        return new groovy.lang.GroovyShell().evaluate(script); // BUG: java/code-injection
    }
}
