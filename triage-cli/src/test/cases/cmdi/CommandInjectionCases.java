package corpus.cmdi;

import org.owasp.encoder.Encode;
import org.owasp.esapi.ESAPI;
import org.owasp.esapi.codecs.UnixCodec;

import javax.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Imaging and lab-export tools started from the portal (javax.servlet). */
public class CommandInjectionCases {
    private static final Set<String> MODALITIES = Set.of("CT", "MR", "US");

    public Process badDirectShell(HttpServletRequest req) throws Exception {
        String study = req.getParameter("study");
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "dcm2pdf /studies/" + study}); // BUG: java/command-injection
    }

    public Process badShellArray(HttpServletRequest req) throws Exception {
        String host = req.getHeader("X-Pacs-Host");
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "ping -c 1 " + host}); // BUG: java/command-injection
    }

    public Process badProcessBuilder(HttpServletRequest req) throws Exception {
        String accession = req.getParameter("accession");
        return new ProcessBuilder("bash", "-c", "export-lab " + accession).start(); // BUG: java/command-injection
    }

    public Process badProcessBuilderList(HttpServletRequest req) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("/opt/lab/bin/export");
        cmd.add(req.getParameter("format"));
        return new ProcessBuilder(cmd).start(); // BUG: java/command-injection
    }

    public Process goodFixedCommand(HttpServletRequest req) throws Exception {
        req.getParameter("study");
        return Runtime.getRuntime().exec(new String[] {"/opt/pacs/bin/rotate-logs", "--daily"});
    }

    public Process goodNumeric(HttpServletRequest req) throws Exception {
        int days = Integer.parseInt(req.getParameter("days"));
        return Runtime.getRuntime().exec("/opt/lab/bin/purge --older-than " + days);
    }

    public Process goodAllowList(HttpServletRequest req) throws Exception {
        String modality = req.getParameter("modality");
        if (!MODALITIES.contains(modality)) return null;
        return Runtime.getRuntime().exec("/opt/pacs/bin/worklist " + modality);
    }

    public Process goodEsapiOsEncoded(HttpServletRequest req) throws Exception {
        String study = ESAPI.encoder().encodeForOS(new UnixCodec(), req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/dcm2pdf " + study);
    }

    /** HTML encoding leaves ; | $( ) alone. */
    public Process badHtmlEncoded(HttpServletRequest req) throws Exception {
        String study = Encode.forHtml(req.getParameter("study"));
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "dcm2pdf " + study}); // BUG: java/command-injection
    }

    public Process badStringBuilderReplace(HttpServletRequest req) throws Exception {
        StringBuilder sb = new StringBuilder("/opt/lab/bin/export --patient ");
        sb.append(req.getParameter("patient").replace(' ', '_'));
        return Runtime.getRuntime().exec(sb.toString()); // BUG: java/command-injection
    }

    public Process badBase64Decoded(HttpServletRequest req) throws Exception {
        String args = new String(Base64.getUrlDecoder().decode(req.getParameter("a")), StandardCharsets.UTF_8);
        return Runtime.getRuntime().exec("/opt/lab/bin/export " + args.split("&")[0]); // BUG: java/command-injection
    }

    public Process goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("study");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "latest" : param;
        return Runtime.getRuntime().exec("/opt/pacs/bin/dcm2pdf " + bar);
    }

    public Process badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("study");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "latest" : param;
        return Runtime.getRuntime().exec("/opt/pacs/bin/dcm2pdf " + bar); // BUG: java/command-injection
    }

    public Process goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("study");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'C': bar = "latest"; break;
            default: bar = param; break;
        }
        return Runtime.getRuntime().exec("/opt/pacs/bin/dcm2pdf " + bar);
    }

    public Process goodMapConstantKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "latest");
        m.put("keyB", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/dcm2pdf " + m.get("keyA"));
    }

    public Process badMapTaintedKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "latest");
        m.put("keyB", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/dcm2pdf " + m.get("keyB")); // BUG: java/command-injection
    }

    public Process goodListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("study"));
        l.add("moresafe");
        l.remove(0);
        return Runtime.getRuntime().exec("/opt/pacs/bin/dcm2pdf " + l.get(1));
    }

    public Process badListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("study"));
        l.add("moresafe");
        l.remove(0);
        return Runtime.getRuntime().exec("/opt/pacs/bin/dcm2pdf " + l.get(0)); // BUG: java/command-injection
    }
}
