package corpus.xss;

import freemarker.template.Configuration;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;
import org.apache.velocity.app.VelocityEngine;
import org.owasp.encoder.Encode;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Appointment pages rendered from templates the portal ships: the request's values are only context data, but a
 * Velocity reference writes them into the page unescaped. Thymeleaf's th:text and FreeMarker's HTML output format
 * escape what they write: those contexts are safe.
 */
public class TemplateContextCases {
    private final VelocityEngine velocity = new VelocityEngine();
    private final TemplateEngine thymeleaf = new TemplateEngine();
    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_33);

    public void badVelocityMerge(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Template t = velocity.getTemplate("appointment.vm");
        VelocityContext ctx = new VelocityContext();
        ctx.put("patientName", req.getParameter("name"));
        t.merge(ctx, resp.getWriter()); // BUG: java/xss
    }

    public void badVelocityMapContext(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("clinic", req.getParameter("clinic"));
        velocity.mergeTemplate("clinic.vm", "UTF-8", new VelocityContext(model), resp.getWriter()); // BUG: java/xss
    }

    public void badVelocityEvaluate(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        VelocityContext ctx = new VelocityContext();
        ctx.put("q", req.getParameter("q"));
        Velocity.evaluate(ctx, resp.getWriter(), "search", "<p>Results for $q</p>"); // BUG: java/xss
    }

    /** Rendered into a buffer first, then written out. */
    public void badVelocityBuffered(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        VelocityContext ctx = new VelocityContext();
        ctx.put("note", req.getParameter("note"));
        StringWriter page = new StringWriter();
        velocity.getTemplate("note.vm").merge(ctx, page);
        resp.getWriter().write(page.toString()); // BUG: java/xss
    }

    // ---- good

    public void goodVelocityEncoded(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        VelocityContext ctx = new VelocityContext();
        ctx.put("patientName", Encode.forHtml(req.getParameter("name")));
        velocity.getTemplate("appointment.vm").merge(ctx, resp.getWriter());
    }

    public void goodVelocityConstants(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        VelocityContext ctx = new VelocityContext();
        ctx.put("clinic", "Riverside Clinic");
        ctx.put("visitor", req.getRemoteUser() != null ? "Signed in" : "Guest");
        velocity.getTemplate("clinic.vm").merge(ctx, resp.getWriter());
    }

    /** Only a number computed from the input reaches the page: a length carries no markup. */
    public void goodVelocityLengthOnly(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        VelocityContext ctx = new VelocityContext();
        ctx.put("noteLength", req.getParameter("note").length());
        velocity.getTemplate("note-length.vm").merge(ctx, resp.getWriter());
    }

    /** Rendered into a buffer that is stored, never written to the page. */
    public String goodVelocityToBuffer(HttpServletRequest req) throws Exception {
        VelocityContext ctx = new VelocityContext();
        ctx.put("note", req.getParameter("note"));
        StringWriter page = new StringWriter();
        velocity.getTemplate("note.vm").merge(ctx, page);
        return page.toString();
    }

    /** th:text escapes: the context value is safe in the page. */
    public void goodThymeleafContext(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Context ctx = new Context();
        ctx.setVariable("patientName", req.getParameter("name"));
        thymeleaf.process("appointment", ctx, resp.getWriter());
    }

    /** An .ftlh template is HTML-escaped by FreeMarker. */
    public void goodFreeMarkerHtmlTemplate(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getParameter("name"));
        freemarker.getTemplate("appointment.ftlh").process(model, resp.getWriter());
    }
}
