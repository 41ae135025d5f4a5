package corpus.xss.freemarkerpages;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Visit pages rendered from FreeMarker templates the portal ships (templates/): the request's values are only data
 * model entries, so whether the page is an XSS is what the template and its configuration do with them. An .ftl
 * template in the undefined output format writes ${value} as it is; an .ftlh template, an HTML output format, or
 * ?html / <#escape> in the template escape it.
 */
public class FreeMarkerPages {
    /** Configured once, in the constructor: plain .ftl templates, no output format. */
    private final Configuration plain = new Configuration(Configuration.VERSION_2_3_33);
    /** Configured once, in the constructor: every template is HTML with auto-escaping. */
    private final Configuration html = new Configuration(Configuration.VERSION_2_3_33);

    public FreeMarkerPages() {
        plain.setClassForTemplateLoading(FreeMarkerPages.class, "/templates");
        html.setClassForTemplateLoading(FreeMarkerPages.class, "/templates");
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
    }

    /** visit.ftl writes ${patientName} unescaped. */
    public void badFtlTemplate(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getParameter("name"));
        Template t = plain.getTemplate("visit.ftl");
        t.process(model, resp.getWriter()); // BUG: java/xss
    }

    /** note.ftl escapes in <#escape>, but writes the note inside <#noescape>. */
    public void badNoEscapeRegion(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("note", req.getParameter("note"));
        plain.getTemplate("note.ftl").process(model, resp.getWriter()); // BUG: java/xss
    }

    /** The no-argument constructor keeps FreeMarker 2.3.0 defaults: .ftlh is not recognised, nothing is escaped. */
    @SuppressWarnings("deprecation")
    public void badLegacyConfiguration(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Configuration legacy = new Configuration();
        legacy.setClassForTemplateLoading(FreeMarkerPages.class, "/templates");
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getParameter("name"));
        legacy.getTemplate("summary.ftlh").process(model, resp.getWriter()); // BUG: java/xss
    }

    /** An HTML output format with auto-escaping switched off escapes nothing. */
    public void badAutoEscapingDisabled(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
        cfg.setClassForTemplateLoading(FreeMarkerPages.class, "/templates");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.DISABLE_AUTO_ESCAPING_POLICY);
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getParameter("name"));
        cfg.getTemplate("visit.ftl").process(model, resp.getWriter()); // BUG: java/xss
    }

    /** notes.ftl writes each note of a list unescaped, through its loop variable. */
    public void badListedNotes(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        List<String> notes = new ArrayList<>();
        notes.add(req.getParameter("note"));
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Visit notes");
        model.put("notes", notes);
        plain.getTemplate("notes.ftl").process(model, resp.getWriter()); // BUG: java/xss
    }

    // ---- good

    /** card.ftl escapes the patient's name; what it writes unescaped (the clinic's phone) is a constant here. */
    public void goodOnlyConstantUnescaped(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getParameter("name"));
        model.put("clinicPhone", "+1 555 0100");
        plain.getTemplate("card.ftl").process(model, resp.getWriter());
    }

    /** .ftlh: FreeMarker 2.3.24+ recognises the extension and escapes every ${...} as HTML. */
    public void goodFtlhTemplate(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
        cfg.setClassForTemplateLoading(FreeMarkerPages.class, "/templates");
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getParameter("name"));
        cfg.getTemplate("summary.ftlh").process(model, resp.getWriter());
    }

    /** The configuration's HTML output format escapes what visit.ftl writes. */
    public void goodHtmlOutputFormat(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getParameter("name"));
        html.getTemplate("visit.ftl").process(model, resp.getWriter());
    }

    /** letter.ftl escapes every value itself (?html, <#escape x as x?html>). */
    public void goodEscapedInTemplate(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getParameter("name"));
        model.put("clinic", req.getParameter("clinic"));
        plain.getTemplate("letter.ftl").process(model, resp.getWriter());
    }

    /** visit.ftl writes unescaped, but the data model holds no request data. */
    public void goodConstantModel(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", req.getRemoteUser() != null ? "Signed in" : "Guest");
        plain.getTemplate("visit.ftl").process(model, resp.getWriter());
    }
}
