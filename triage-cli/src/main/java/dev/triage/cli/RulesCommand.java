package dev.triage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code triage rules}: lists the rule catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rule catalogue.")
final class RulesCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            ObjectMapper m = new ObjectMapper();
            ArrayNode arr = m.createArrayNode();
            for (Rule r : RuleCatalogue.builtIn().all()) {
                ObjectNode n = arr.addObject();
                n.put("id", r.id());
                n.put("title", r.title());
                n.put("cwe", r.cwe());
                n.put("severity", r.severity().level());
                n.put("severityLabel", r.severity().label());
                n.put("precision", r.precision().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                n.put("description", r.description());
                n.put("remediation", r.remediation());
                ArrayNode refs = n.putArray("references");
                r.references().forEach(refs::add);
            }
            out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else if (format.equals("text")) {
            out.printf("%-30s %-9s %-12s %s%n", "RULE", "CWE", "SEVERITY", "TITLE");
            for (Rule r : RuleCatalogue.builtIn().all()) {
                out.printf("%-30s %-9s %-12s %s%n", r.id(), "CWE-" + r.cwe(), r.severity().level() + " " + r.severity().label(), r.title());
            }
            out.printf("%d rules%n", RuleCatalogue.builtIn().all().size());
        } else {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be text or json");
        }
        out.flush();
        return Main.OK;
    }
}
