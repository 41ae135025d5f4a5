package corpus.codeinjection;

import groovy.lang.GroovyShell;
import ognl.Ognl;
import ognl.OgnlContext;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.MapContext;
import org.mvel2.MVEL;
import org.owasp.encoder.Encode;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Dosage-rule and report-formula evaluation of the pharmacy module (javax.servlet). */
public class CodeInjectionCases {
    private static final Map<String, String> FORMULAS = Map.of(
            "bmi", "#weight / (#height * #height)",
            "bsa", "T(java.lang.Math).sqrt(#weight * #height / 3600)");
    private final ExpressionParser parser = new SpelExpressionParser();
    private final StandardEvaluationContext ctx = new StandardEvaluationContext();

    public Object badSpel(HttpServletRequest req) {
        String rule = req.getParameter("rule");
        return parser.parseExpression(rule).getValue(ctx); // BUG: java/code-injection
    }

    public Object badOgnl(HttpServletRequest req) throws Exception {
        String path = req.getParameter("field");
        Map<String, Object> root = new HashMap<>();
        return Ognl.getValue(path, (OgnlContext) Ognl.createDefaultContext(root), root); // BUG: java/code-injection
    }

    public Object badMvel(HttpServletRequest req) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("weight", 70);
        return MVEL.eval(req.getParameter("dose"), vars); // BUG: java/code-injection
    }

    public Object badJexl(HttpServletRequest req) {
        JexlEngine jexl = new JexlBuilder().create();
        return jexl.createExpression(req.getHeader("X-Alert-Rule")).evaluate(new MapContext()); // BUG: java/code-injection
    }

    public Object badScriptEngine(HttpServletRequest req) throws Exception {
        ScriptEngine js = new ScriptEngineManager().getEngineByName("javascript");
        return js.eval("var dose = " + req.getParameter("expr") + "; dose;"); // BUG: java/code-injection
    }

    public Object badGroovy(HttpServletRequest req) {
        String script = new String(Base64.getDecoder().decode(req.getParameter("s")), StandardCharsets.UTF_8);
        return new GroovyShell().evaluate(script); // BUG: java/code-injection
    }

    /** A fixed expression; the request value is only a variable of the evaluation. */
    public Object goodSpelVariable(HttpServletRequest req) {
        StandardEvaluationContext c = new StandardEvaluationContext();
        c.setVariable("weight", req.getParameter("weight"));
        return parser.parseExpression("#weight + ' kg'").getValue(c);
    }

    public Object goodAllowListLookup(HttpServletRequest req) {
        String formula = FORMULAS.get(req.getParameter("formula"));
        if (formula == null) return null;
        return parser.parseExpression(formula).getValue(ctx);
    }

    public Object goodNumeric(HttpServletRequest req) {
        double factor = Double.parseDouble(req.getParameter("factor"));
        return parser.parseExpression("#weight * " + factor).getValue(ctx);
    }

    /** HTML encoding leaves T(...) and method calls intact. */
    public Object badHtmlEncoded(HttpServletRequest req) {
        return parser.parseExpression(Encode.forHtml(req.getParameter("rule"))).getValue(ctx); // BUG: java/code-injection
    }

    public Object badConcatenatedTemplate(HttpServletRequest req) {
        String unit = req.getParameter("unit").trim();
        String expr = String.format("#dose + ' %s'", unit);
        return parser.parseExpression(expr).getValue(ctx); // BUG: java/code-injection
    }

    public void goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("rule");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "#weight * 2" : param;
        parser.parseExpression(bar).getValue(ctx);
    }

    public void badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("rule");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "#weight * 2" : param;
        parser.parseExpression(bar).getValue(ctx); // BUG: java/code-injection
    }

    public void goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("rule");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "#weight * 2"; break;
            default: bar = param; break;
        }
        parser.parseExpression(bar).getValue(ctx);
    }

    public void badSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("rule");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "#weight * 2"; break;
            case 'B': bar = param; break;
            default: bar = "#weight * 2"; break;
        }
        parser.parseExpression(bar).getValue(ctx); // BUG: java/code-injection
    }

    public void goodMapConstantKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "#weight * 2");
        map.put("keyB", req.getParameter("rule"));
        String bar = map.get("keyA");
        parser.parseExpression(bar).getValue(ctx);
    }

    public void badMapTaintedKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "#weight * 2");
        map.put("keyB", req.getParameter("rule"));
        String bar = map.get("keyB");
        parser.parseExpression(bar).getValue(ctx); // BUG: java/code-injection
    }

    public void goodListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("rule"));
        list.add("#weight * 2");
        list.remove(0);
        String bar = list.get(1);
        parser.parseExpression(bar).getValue(ctx);
    }

    public void badListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("rule"));
        list.add("#weight * 2");
        list.remove(0);
        String bar = list.get(0);
        parser.parseExpression(bar).getValue(ctx); // BUG: java/code-injection
    }
}
