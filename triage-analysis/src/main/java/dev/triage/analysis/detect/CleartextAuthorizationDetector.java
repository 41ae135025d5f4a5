package dev.triage.analysis.detect;

import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.Position;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.contract.Confidence;
import dev.triage.contract.Detection;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.List;
import java.util.Set;

/**
 * java/credential-cleartext-transmission for credentials that come from no request: an {@code Authorization} (or
 * {@code Proxy-Authorization}) header set on a request bound for a cleartext endpoint ({@code authorization-header}
 * rows: the header's value, {@code when} the name is one, on a receiver labelled as the row's
 * {@code receiver-labelled}, a connection or request made from a constant {@code http://} URL). The header carries
 * credentials by definition (RFC 9110: Basic credentials are only Base64, a bearer token is the key itself), whether
 * the code holds them as constants, reads them from its configuration or computes them. A value that carries a
 * credential from the request is left to the taint rule, which reports it with its path.
 */
public final class CleartextAuthorizationDetector extends ArgumentDetector {
    private static final String RULE = "java/credential-cleartext-transmission";

    public CleartextAuthorizationDetector() {
        super(Set.of("authorization-header"));
    }

    @Override
    public Set<String> rules() {
        return Set.of(RULE);
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        if (value.isKnown() && (value.constants().contains(Value.NULL) || value.constants().contains(""))) return List.of();
        if (row.receiverLabelled() != null) {
            Value receiver = scan.argument(call, Position.THIS);
            if (receiver == null || !SinkCalls.hasTaintOf(receiver, row.receiverLabelled())) return List.of();
        }
        for (String l : value.labels()) {
            if (Taint.isTaint(l) && "credential".equals(Taint.sourceKind(l))) return List.of();
        }
        return List.of(new Detection(RULE, scan.location(call),
                callName(call) + " sets an Authorization header on a request sent over unencrypted HTTP: the credentials in it cross the network readable",
                List.of(), Confidence.HIGH, sinkKey(call) + "|authorization"));
    }
}
