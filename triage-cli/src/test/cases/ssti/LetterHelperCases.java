package corpus.ssti;

import freemarker.template.Configuration;
import freemarker.template.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.function.Function;

/**
 * Spring MVC letter designer; templates are rendered in helpers and nested classes. A @RestController handler that
 * returns what a template made of the request rendered also reflects that text as a page (java/xss), and so does one
 * whose request value is only Velocity model data: Velocity writes $name unescaped.
 */
@RestController
public class LetterHelperCases {
    private static final Configuration FM = new Configuration(Configuration.VERSION_2_3_33);
    private final TemplateEngine thymeleaf = new TemplateEngine();
    private String draftTemplate;
    private final String standardLetter = "Dear $name, please find your results enclosed.";

    interface Renderer {
        String render(String template);
    }

    static String velocity(String template) {
        StringWriter w = new StringWriter();
        Velocity.evaluate(new VelocityContext(), w, "letter", template); // BUG: java/template-injection
        return w.toString();
    }

    static String velocityWithName(String name) {
        VelocityContext c = new VelocityContext();
        c.put("name", name);
        StringWriter w = new StringWriter();
        Velocity.evaluate(c, w, "letter", "Dear $name, please find your results enclosed.");
        return w.toString();
    }

    @PostMapping("/letters/preview")
    public String badStaticHelper(@RequestBody String template) {
        return velocity(template); // BUG: java/xss
    }

    @PostMapping("/letters/greet")
    public String goodStaticHelperModelOnly(@RequestParam String name) {
        return velocityWithName(name); // BUG: java/xss
    }

    Template freemarker(String source) throws IOException {
        return new Template("custom", new StringReader(source), FM); // BUG: java/template-injection
    }

    @PostMapping("/letters/custom")
    public Object badInstanceHelper(@RequestParam String source) throws IOException {
        return freemarker(source);
    }

    @PostMapping("/letters/card")
    public String badOtherClass(@RequestParam String card) {
        return new CardPrinter().print(card); // BUG: java/xss
    }

    class Footer {
        String render(String tpl) {
            return thymeleaf.process(tpl, new Context()); // BUG: java/template-injection
        }
    }

    @PostMapping("/letters/footer")
    public String badInnerClass(@RequestParam String footer) {
        return new Footer().render(footer); // BUG: java/xss
    }

    @PostMapping("/letters/anon")
    public String badAnonymousClass(@RequestParam String tpl) {
        Renderer r = new Renderer() {
            @Override
            public String render(String template) {
                StringWriter w = new StringWriter();
                Velocity.evaluate(new VelocityContext(), w, "anon", template); // BUG: java/template-injection
                return w.toString();
            }
        };
        return r.render(tpl); // BUG: java/xss
    }

    @PostMapping("/letters/lambda")
    public String badLambda(@RequestParam String tpl) {
        Function<String, String> r = t -> thymeleaf.process(t, new Context()); // BUG: java/template-injection
        return r.apply(tpl); // BUG: java/xss
    }

    @PostMapping("/letters/lambda-safe")
    public String goodLambdaModelOnly(@RequestParam String name) {
        Function<String, String> r = n -> {
            Context c = new Context();
            c.setVariable("name", n);
            return thymeleaf.process("<p th:text=\"${name}\">patient</p>", c);
        };
        return r.apply(name);
    }

    @PostMapping("/letters/draft")
    public void remember(@RequestParam String tpl) {
        draftTemplate = tpl;
    }

    public String badTaintedField() {
        StringWriter w = new StringWriter();
        Velocity.evaluate(new VelocityContext(), w, "draft", draftTemplate); // BUG: java/template-injection
        return w.toString();
    }

    public String goodConstantField() {
        StringWriter w = new StringWriter();
        Velocity.evaluate(new VelocityContext(), w, "standard", standardLetter);
        return w.toString();
    }
}

/** Appointment cards printed at the front desk. */
class CardPrinter {
    private final TemplateEngine engine = new TemplateEngine();

    String print(String card) {
        return engine.process("<div class=card>" + card + "</div>", new Context()); // BUG: java/template-injection
    }
}
