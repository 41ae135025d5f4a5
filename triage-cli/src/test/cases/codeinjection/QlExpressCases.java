package corpus.codeinjection;

import com.ql.util.express.DefaultContext;
import com.ql.util.express.ExpressRunner;

import javax.servlet.http.HttpServletRequest;

/** Eligibility rules for the benefits screen, evaluated with Alibaba QLExpress. */
public class QlExpressCases {
    private final ExpressRunner runner = new ExpressRunner();

    public Object badRuleFromRequest(HttpServletRequest req) throws Exception {
        DefaultContext<String, Object> ctx = new DefaultContext<>();
        ctx.put("age", 67);
        return runner.execute(req.getParameter("rule"), ctx, null, true, false); // BUG: java/code-injection
    }

    public Object badCompiledRule(HttpServletRequest req) throws Exception {
        return runner.parseInstructionSet("age > " + req.getParameter("threshold") + " && insured"); // BUG: java/code-injection
    }

    // ---- good ----

    public Object goodFixedRuleRequestValue(HttpServletRequest req) throws Exception {
        DefaultContext<String, Object> ctx = new DefaultContext<>();
        ctx.put("age", req.getParameter("age"));
        return runner.execute("age > 65", ctx, null, true, false);
    }

    public Object goodNumericThreshold(HttpServletRequest req) throws Exception {
        int threshold = Integer.parseInt(req.getParameter("threshold"));
        return runner.execute("age > " + threshold, new DefaultContext<>(), null, true, false);
    }
}
