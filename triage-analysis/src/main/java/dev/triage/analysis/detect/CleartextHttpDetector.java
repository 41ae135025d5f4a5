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

/** java/cleartext-http: an http:// address (not loopback) handed to something that connects. */
public final class CleartextHttpDetector extends ArgumentDetector {
    public CleartextHttpDetector() {
        super(Set.of("http-url"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/cleartext-http");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        Set<String> loopback = Tables.set(scan.context().models(), "loopback-hosts");
        List<Detection> out = new ArrayList<>();
        List<MethodScan.Resolved> resolved = new ArrayList<>(scan.resolve(value));
        if (!value.isKnown() && value.prefix() != null) {
            resolved.add(new MethodScan.Resolved(Set.of(value.prefix()), value.origin(), List.of()));
        }
        for (MethodScan.Resolved r : resolved) {
            for (Object c : r.constants()) {
                if (!(c instanceof String url)) continue;
                String host = cleartextHost(url);
                if (host == null || loopback.contains(host) || host.startsWith("127.")) continue;
                out.add(new Detection("java/cleartext-http", scan.location(call),
                        callName(call) + " connects to " + abbreviate(url) + " over unencrypted HTTP",
                        scan.path(r, call, "URL handed to " + callName(call)), host.isEmpty() ? "MEDIUM" : "HIGH",
                        sinkKey(call) + "|" + host));
                return out;
            }
        }
        return out;
    }

    /** The host of an http:// URL (lower case, possibly empty when only the scheme is known), or null. */
    static String cleartextHost(String url) {
        String u = url.trim();
        if (!u.regionMatches(true, 0, "http://", 0, 7)) return null;
        String rest = u.substring(7);
        int end = 0;
        if (rest.startsWith("[")) {
            end = rest.indexOf(']') + 1;
        } else {
            while (end < rest.length() && "/:?#".indexOf(rest.charAt(end)) < 0) end++;
        }
        String host = rest.substring(0, Math.max(end, 0)).toLowerCase(Locale.ROOT);
        int at = host.lastIndexOf('@');
        return at >= 0 ? host.substring(at + 1) : host;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
