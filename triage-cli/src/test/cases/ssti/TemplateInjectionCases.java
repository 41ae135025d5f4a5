package corpus.ssti;

import freemarker.template.Configuration;
import freemarker.template.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;
import org.apache.velocity.app.VelocityEngine;
import org.owasp.encoder.Encode;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import javax.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Appointment-reminder and discharge-letter templates (javax.servlet). */
public class TemplateInjectionCases {
    private final VelocityContext vctx = new VelocityContext();
    private final StringWriter out = new StringWriter();
    private final Configuration fm = new Configuration(Configuration.VERSION_2_3_33);
    private final TemplateEngine thymeleaf = new TemplateEngine();

    public void badVelocity(HttpServletRequest req) {
        String tpl = req.getParameter("reminder");
        Velocity.evaluate(vctx, out, "reminder", tpl); // BUG: java/template-injection
    }

    public void badVelocityEngine(HttpServletRequest req) {
        VelocityEngine ve = new VelocityEngine();
        ve.init();
        ve.evaluate(vctx, out, "letter", "Dear patient, " + req.getParameter("body")); // BUG: java/template-injection
    }

    public Template badFreeMarker(HttpServletRequest req) throws Exception {
        String src = req.getParameter("letter");
        return new Template("letter", new StringReader(src), fm); // BUG: java/template-injection
    }

    public String badThymeleaf(HttpServletRequest req) {
        String tpl = req.getHeader("X-Card-Template");
        return thymeleaf.process(tpl, new Context()); // BUG: java/template-injection
    }

    /** A fixed template; the request value is only model data. */
    public void goodVelocityModel(HttpServletRequest req) {
        VelocityContext c = new VelocityContext();
        c.put("name", req.getParameter("name"));
        Velocity.evaluate(c, out, "reminder", "Dear $name, your appointment is tomorrow.");
    }

    public void goodFreeMarkerModel(HttpServletRequest req) throws Exception {
        Template t = new Template("letter", new StringReader("Dear ${name}, your results are ready."), fm);
        t.process(Map.of("name", req.getParameter("name")), out);
    }

    public String goodThymeleafModel(HttpServletRequest req) {
        Context c = new Context();
        c.setVariable("name", req.getParameter("name"));
        return thymeleaf.process("<p th:text=\"${name}\">patient</p>", c);
    }

    /** HTML encoding leaves #set, $ and method calls intact. */
    public void badHtmlEncoded(HttpServletRequest req) {
        Velocity.evaluate(vctx, out, "reminder", Encode.forHtml(req.getParameter("reminder"))); // BUG: java/template-injection
    }

    public void badDecodedAndJoined(HttpServletRequest req) {
        String footer = new String(Base64.getDecoder().decode(req.getParameter("footer")), StandardCharsets.UTF_8);
        String tpl = String.join("\n", "Riverside Clinic", footer.replace("{{", "${"));
        Velocity.evaluate(vctx, out, "footer", tpl); // BUG: java/template-injection
    }

    public void goodDeadBranch(HttpServletRequest req)  {
        String param = req.getParameter("reminder");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "Your appointment is tomorrow." : param;
        Velocity.evaluate(vctx, out, "reminder", bar);
    }

    public void badLiveBranch(HttpServletRequest req)  {
        String param = req.getParameter("reminder");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "Your appointment is tomorrow." : param;
        Velocity.evaluate(vctx, out, "reminder", bar); // BUG: java/template-injection
    }

    public void goodSwitchKnownValue(HttpServletRequest req)  {
        String param = req.getParameter("reminder");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "Your appointment is tomorrow."; break;
            default: bar = param; break;
        }
        Velocity.evaluate(vctx, out, "reminder", bar);
    }

    public void badSwitchKnownValue(HttpServletRequest req)  {
        String param = req.getParameter("reminder");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "Your appointment is tomorrow."; break;
            case 'B': bar = param; break;
            default: bar = "Your appointment is tomorrow."; break;
        }
        Velocity.evaluate(vctx, out, "reminder", bar); // BUG: java/template-injection
    }

    public void goodMapConstantKey(HttpServletRequest req)  {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "Your appointment is tomorrow.");
        map.put("keyB", req.getParameter("reminder"));
        String bar = map.get("keyA");
        Velocity.evaluate(vctx, out, "reminder", bar);
    }

    public void badMapTaintedKey(HttpServletRequest req)  {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "Your appointment is tomorrow.");
        map.put("keyB", req.getParameter("reminder"));
        String bar = map.get("keyB");
        Velocity.evaluate(vctx, out, "reminder", bar); // BUG: java/template-injection
    }

    public void goodListAfterRemoval(HttpServletRequest req)  {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("reminder"));
        list.add("Your appointment is tomorrow.");
        list.remove(0);
        String bar = list.get(1);
        Velocity.evaluate(vctx, out, "reminder", bar);
    }

    public void badListAfterRemoval(HttpServletRequest req)  {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("reminder"));
        list.add("Your appointment is tomorrow.");
        list.remove(0);
        String bar = list.get(0);
        Velocity.evaluate(vctx, out, "reminder", bar); // BUG: java/template-injection
    }
}
