package corpus.cmdi;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.function.Function;

/** Spring MVC controller for the imaging converter; the commands run in helpers and nested classes. */
@RestController
public class CommandHelperCases {
    private String lastStudy;
    private final String archiveTool = "/opt/pacs/bin/archive";

    interface Converter {
        Process convert(String study) throws IOException;
    }

    static Process runConverter(String study) throws IOException {
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "/opt/pacs/bin/convert " + study}); // BUG: java/command-injection
    }

    static Process runConverterFixed(String ignored) throws IOException {
        return Runtime.getRuntime().exec("/opt/pacs/bin/convert --all");
    }

    @GetMapping("/imaging/convert")
    public void badStaticHelper(@RequestParam String study) throws IOException {
        runConverter(study);
    }

    @GetMapping("/imaging/convert-all")
    public void goodStaticHelperIgnoresArgument(@RequestParam String study) throws IOException {
        runConverterFixed(study);
    }

    Process exportLabs(String patient) throws IOException {
        return new ProcessBuilder("sh", "-c", "export-labs " + patient).start(); // BUG: java/command-injection
    }

    @GetMapping("/labs/{patient}/export")
    public void badInstanceHelper(@PathVariable String patient) throws IOException {
        exportLabs(patient);
    }

    @GetMapping("/labs/{patient}/export-safe")
    public void goodOtherClassNumeric(@PathVariable String patient) throws IOException {
        new PrintQueue().printLabel(Long.parseLong(patient));
    }

    @GetMapping("/labs/print")
    public void badOtherClass(@RequestParam String printer) throws IOException {
        new PrintQueue().sendTo(printer);
    }

    class Thumbnailer {
        Process make(String study) throws IOException {
            return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "thumb " + study}); // BUG: java/command-injection
        }
    }

    @GetMapping("/imaging/thumb")
    public void badInnerClass(@RequestParam String study) throws IOException {
        new Thumbnailer().make(study);
    }

    @GetMapping("/imaging/anon")
    public void badAnonymousClass(@RequestParam String study) throws IOException {
        Converter c = new Converter() {
            @Override
            public Process convert(String s) throws IOException {
                return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "anonymise " + s}); // BUG: java/command-injection
            }
        };
        c.convert(study);
    }

    @GetMapping("/imaging/lambda")
    public void badLambda(@RequestParam String study) throws Exception {
        Function<String, String> cmd = s -> "compress --level 9 " + s;
        Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", cmd.apply(study)}); // BUG: java/command-injection
    }

    @GetMapping("/imaging/lambda-safe")
    public void goodLambdaIgnoresInput(@RequestParam String study) throws Exception {
        Function<String, String> cmd = s -> "/opt/pacs/bin/compress --pending";
        Runtime.getRuntime().exec(cmd.apply(study));
    }

    @GetMapping("/imaging/remember")
    public void remember(@RequestParam String study) {
        lastStudy = study;
    }

    public Process badTaintedField() throws IOException {
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "reprocess " + lastStudy}); // BUG: java/command-injection
    }

    public Process goodConstantField() throws IOException {
        return Runtime.getRuntime().exec(archiveTool);
    }
}

/** Label printing for specimen tubes. */
class PrintQueue {
    Process sendTo(String printer) throws IOException {
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "lp -d " + printer + " /var/labels/next.pdf"}); // BUG: java/command-injection
    }

    Process printLabel(long specimenId) throws IOException {
        return Runtime.getRuntime().exec("/opt/lab/bin/label " + specimenId);
    }
}
