package corpus.pathtraversal;

import org.apache.commons.io.FilenameUtils;
import org.owasp.encoder.Encode;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Download and upload of scanned referral letters and lab PDFs (javax.servlet). */
public class PathTraversalCases {
    private static final String DOCS = "/var/portal/documents";

    public byte[] badDirect(HttpServletRequest req) throws Exception {
        String name = req.getParameter("file");
        return Files.readAllBytes(Paths.get(DOCS, name)); // BUG: java/path-traversal
    }

    public InputStream badFileInputStream(HttpServletRequest req) throws Exception {
        return new FileInputStream(DOCS + "/" + req.getParameter("letter")); // BUG: java/path-traversal
    }

    public boolean badFileDelete(HttpServletRequest req) {
        return new File(DOCS, req.getPathInfo()).delete(); // BUG: java/path-traversal
    }

    public void badUploadName(HttpServletRequest req) throws Exception {
        Part part = req.getPart("scan");
        try (FileOutputStream out = new FileOutputStream(new File(DOCS, part.getSubmittedFileName()))) { // BUG: java/path-traversal
            part.getInputStream().transferTo(out);
        }
    }

    public void goodUploadNameStripped(HttpServletRequest req) throws Exception {
        Part part = req.getPart("scan");
        String name = FilenameUtils.getName(part.getSubmittedFileName());
        try (FileOutputStream out = new FileOutputStream(new File(DOCS, name))) {
            part.getInputStream().transferTo(out);
        }
    }

    public byte[] goodGeneratedName(HttpServletRequest req) throws Exception {
        UUID id = UUID.fromString(req.getParameter("doc"));
        return Files.readAllBytes(Path.of(DOCS, id + ".pdf"));
    }

    public byte[] goodNumericId(HttpServletRequest req) throws Exception {
        long id = Long.parseLong(req.getParameter("labId"));
        return Files.readAllBytes(Path.of(DOCS, "lab-" + id + ".pdf"));
    }

    public byte[] goodAllowList(HttpServletRequest req) throws Exception {
        String form = req.getParameter("form");
        if (!List.of("consent.pdf", "intake.pdf", "hipaa.pdf").contains(form)) return new byte[0];
        return Files.readAllBytes(Path.of("/var/portal/forms", form));
    }

    /** HTML encoding leaves ../ alone. */
    public byte[] badHtmlEncoded(HttpServletRequest req) throws Exception {
        String name = Encode.forHtml(req.getParameter("file"));
        return Files.readAllBytes(Paths.get(DOCS, name)); // BUG: java/path-traversal
    }

    public byte[] badDecodedAndTrimmed(HttpServletRequest req) throws Exception {
        String name = URLDecoder.decode(req.getParameter("file"), StandardCharsets.UTF_8).trim();
        String dir = String.format("%s/%s", DOCS, name.substring(0, name.lastIndexOf('.')));
        return Files.readAllBytes(Paths.get(dir + ".pdf")); // BUG: java/path-traversal
    }

    public byte[] goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("file");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "index.pdf" : param;
        return Files.readAllBytes(Paths.get(DOCS, bar));
    }

    public byte[] badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("file");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "index.pdf" : param;
        return Files.readAllBytes(Paths.get(DOCS, bar)); // BUG: java/path-traversal
    }

    public byte[] goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("file");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'C': bar = "index.pdf"; break;
            default: bar = param; break;
        }
        return Files.readAllBytes(Paths.get(DOCS, bar));
    }

    public byte[] goodMapConstantKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "index.pdf");
        m.put("keyB", req.getParameter("file"));
        return Files.readAllBytes(Paths.get(DOCS, m.get("keyA")));
    }

    public byte[] badMapTaintedKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", "index.pdf");
        m.put("keyB", req.getParameter("file"));
        return Files.readAllBytes(Paths.get(DOCS, m.get("keyB"))); // BUG: java/path-traversal
    }

    public byte[] goodListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("file"));
        l.add("moresafe");
        l.remove(0);
        return Files.readAllBytes(Paths.get(DOCS, l.get(1)));
    }

    public byte[] badListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("file"));
        l.add("moresafe");
        l.remove(0);
        return Files.readAllBytes(Paths.get(DOCS, l.get(0))); // BUG: java/path-traversal
    }
}
