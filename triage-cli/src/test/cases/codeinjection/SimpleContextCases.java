package corpus.codeinjection;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import javax.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Dosage alert rules a clinician types in, evaluated against a lab result: in a SimpleEvaluationContext (read-only
 * property access, no types, constructors or bean references) an expression runs no code; in the standard context,
 * or with no context, it can.
 */
public class SimpleContextCases {
    private final ExpressionParser parser = new SpelExpressionParser();

    public Object goodSimpleContext(HttpServletRequest req, Map<String, Object> labResult) {
        EvaluationContext ctx = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        return parser.parseExpression(req.getParameter("rule")).getValue(ctx, labResult);
    }

    public Boolean goodSimpleContextTyped(HttpServletRequest req, Map<String, Object> labResult) {
        SimpleEvaluationContext ctx = SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods().build();
        Expression e = parser.parseExpression(req.getParameter("rule"));
        return e.getValue(ctx, labResult, Boolean.class);
    }

    public Object badStandardContext(HttpServletRequest req, Map<String, Object> labResult) {
        StandardEvaluationContext ctx = new StandardEvaluationContext(labResult);
        return parser.parseExpression(req.getParameter("rule")).getValue(ctx); // BUG: java/code-injection
    }

    /** No context: the standard one, with types and constructors. */
    public Object badNoContext(HttpServletRequest req, Map<String, Object> labResult) {
        return parser.parseExpression(req.getParameter("rule")).getValue(labResult); // BUG: java/code-injection
    }

    /** The expression leaves the method: whoever evaluates it decides the context. */
    public Expression badParsedAndReturned(HttpServletRequest req) {
        return parser.parseExpression(req.getParameter("rule")); // BUG: java/code-injection
    }
}
