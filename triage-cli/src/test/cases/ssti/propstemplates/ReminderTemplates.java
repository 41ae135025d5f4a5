package corpus.ssti.propstemplates;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reminder templates from the bundled templates.properties. */
public class ReminderTemplates {
    private final Properties props = new Properties();

    public ReminderTemplates() {
        try (InputStream in = ReminderTemplates.class.getResourceAsStream("/templates.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String goodTemplateFromFileModelFromRequest(HttpServletRequest req) {
        VelocityContext c = new VelocityContext();
        c.put("name", req.getParameter("name"));
        StringWriter w = new StringWriter();
        Velocity.evaluate(c, w, "reminder", props.getProperty("template.reminder"));
        return w.toString();
    }

    public String badTemplateFromFilePlusParam(HttpServletRequest req) {
        StringWriter w = new StringWriter();
        Velocity.evaluate(new VelocityContext(), w, "reminder", props.getProperty("template.reminder") + req.getParameter("ps")); // BUG: java/template-injection
        return w.toString();
    }

    /** template.customisation=off: the request branch is dead. */
    public String goodModeFromFile(HttpServletRequest req) {
        String tpl = "on".equals(props.getProperty("template.customisation")) ? req.getParameter("tpl") : props.getProperty("template.reminder");
        StringWriter w = new StringWriter();
        Velocity.evaluate(new VelocityContext(), w, "reminder", tpl);
        return w.toString();
    }

    /** letter.customisation=on: the request branch is live. */
    public String badModeFromFile(HttpServletRequest req) {
        String tpl = "on".equals(props.getProperty("letter.customisation")) ? req.getParameter("tpl") : props.getProperty("template.reminder");
        StringWriter w = new StringWriter();
        Velocity.evaluate(new VelocityContext(), w, "letter", tpl); // BUG: java/template-injection
        return w.toString();
    }
}
