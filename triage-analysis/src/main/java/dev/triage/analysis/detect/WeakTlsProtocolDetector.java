package dev.triage.analysis.detect;

import dev.triage.analysis.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** java/weak-tls-protocol: an SSLContext or socket set up for SSL, TLS 1.0 or TLS 1.1. */
public final class WeakTlsProtocolDetector extends ArgumentDetector {
    public WeakTlsProtocolDetector() {
        super(Set.of("ssl-protocol", "ssl-protocols"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/weak-tls-protocol");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        Set<String> weak = Tables.upperSet(scan.context().models(), "weak-ssl-protocols");
        List<Detection> out = new ArrayList<>();
        // One protocol name, or an array of them (judge each element we know).
        boolean array = row.kind().equals("ssl-protocols");
        List<Value> names = new ArrayList<>();
        if (!array) {
            names.add(value);
        } else if (value.object() != null && !value.object().escaped()) {
            for (var e : new java.util.TreeMap<>(value.object().state()).entrySet()) {
                if (e.getKey().startsWith("e") && e.getValue() instanceof Value elem) names.add(elem);
            }
        }
        for (Value name : names) {
            for (MethodScan.Resolved r : scan.resolve(name)) {
                for (Object c : r.constants()) {
                    if (c instanceof String s && weak.contains(s.trim().toUpperCase(Locale.ROOT))) {
                        out.add(new Detection("java/weak-tls-protocol", scan.location(call),
                                callName(call) + (array ? " enables \"" : " asks for \"") + s + "\", an obsolete protocol version",
                                scan.path(r, call, (array ? "enabled by " : "protocol of ") + callName(call)), "HIGH",
                                sinkKey(call) + "|" + s));
                    }
                }
            }
        }
        return out;
    }
}
