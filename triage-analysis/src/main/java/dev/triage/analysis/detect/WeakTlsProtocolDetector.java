package dev.triage.analysis.detect;

import dev.triage.analysis.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.Rows;
import dev.triage.analysis.value.Obj;
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
    List<Detection> check(MethodScan scan, MethodInsnNode call, Rows.Argument row, Value value) {
        Set<String> weak = Tables.upperSet(scan.context().models(), "weak-ssl-protocols");
        List<Detection> out = new ArrayList<>();
        if (row.kind().equals("ssl-protocols")) {
            // An array of protocol names: judge each element we know.
            Obj o = value.obj();
            if (o == null || o.escaped()) return out;
            for (var e : o.state().entrySet()) {
                if (!e.getKey().startsWith("e") || !(e.getValue() instanceof Value elem)) continue;
                for (MethodScan.Resolved r : scan.resolve(elem)) {
                    for (Object c : r.constants()) {
                        if (c instanceof String s && weak.contains(s.trim().toUpperCase(Locale.ROOT))) {
                            out.add(new Detection("java/weak-tls-protocol", scan.location(call),
                                    callName(call) + " enables \"" + s + "\", an obsolete protocol version",
                                    scan.path(r, call, "enabled by " + callName(call)), "HIGH", sinkKey(call) + "|" + s));
                        }
                    }
                }
            }
            return out;
        }
        for (MethodScan.Resolved r : scan.resolve(value)) {
            for (Object c : r.constants()) {
                if (c instanceof String s && weak.contains(s.trim().toUpperCase(Locale.ROOT))) {
                    out.add(new Detection("java/weak-tls-protocol", scan.location(call),
                            callName(call) + " asks for \"" + s + "\", an obsolete protocol version",
                            scan.path(r, call, "protocol of " + callName(call)), "HIGH", sinkKey(call) + "|" + s));
                }
            }
        }
        return out;
    }
}
