package corpus.pathtraversal;

import javax.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Downloads of discharge letters: a name from the request joined to the letters directory, and the checks real
 * code writes before opening it — the path normalised (canonical, real or normalised) and compared with the base
 * directory, in the method or in a helper that returns a boolean, returns null or throws.
 */
public class CanonicalGuardCases {
    private static final String LETTERS = "/var/clinic/letters";

    public byte[] goodCanonicalStartsWith(HttpServletRequest req) throws IOException {
        File f = new File(LETTERS, req.getParameter("letter"));
        if (!f.getCanonicalPath().startsWith(new File(LETTERS).getCanonicalPath() + File.separator)) {
            throw new SecurityException("outside the letters directory");
        }
        return Files.readAllBytes(f.toPath());
    }

    /** Without normalising, "/var/clinic/letters/../../etc/passwd" starts with the base too. */
    public InputStream badStartsWithNotNormalised(HttpServletRequest req) throws IOException {
        File f = new File(LETTERS, req.getParameter("letter"));
        if (!f.getAbsolutePath().startsWith(LETTERS)) return null;
        return new FileInputStream(f); // BUG: java/path-traversal
    }

    public byte[] goodNioNormalize(HttpServletRequest req) throws IOException {
        Path base = Paths.get(LETTERS);
        Path p = base.resolve(req.getParameter("letter")).normalize();
        if (!p.startsWith(base)) throw new SecurityException("outside the letters directory");
        return Files.readAllBytes(p);
    }

    public byte[] badNioNotNormalised(HttpServletRequest req) throws IOException {
        Path base = Paths.get(LETTERS);
        Path p = base.resolve(req.getParameter("letter"));
        if (!p.startsWith(base)) throw new SecurityException("outside the letters directory");
        return Files.readAllBytes(p); // BUG: java/path-traversal
    }

    /** The base the path is compared with is the attacker's too. */
    public byte[] badBaseFromRequest(HttpServletRequest req) throws IOException {
        Path base = Paths.get(req.getParameter("dir"));
        Path p = base.resolve(req.getParameter("letter")).normalize();
        if (!p.startsWith(base)) throw new SecurityException("outside");
        return Files.readAllBytes(p); // BUG: java/path-traversal
    }

    public byte[] goodRealPath(HttpServletRequest req) throws IOException {
        Path base = Paths.get(LETTERS).toRealPath();
        Path p = base.resolve(req.getParameter("letter")).toRealPath();
        if (!p.startsWith(base)) return new byte[0];
        return Files.readAllBytes(p);
    }

    /** The check guards one branch only: the other reads the name unchecked. */
    public byte[] badGuardedOnOnePath(HttpServletRequest req, boolean strict) throws IOException {
        File f = new File(LETTERS, req.getParameter("letter"));
        if (strict && !f.getCanonicalPath().startsWith(LETTERS + File.separator)) return new byte[0];
        return Files.readAllBytes(f.toPath()); // BUG: java/path-traversal
    }

    // ---- helpers that check for their callers

    /** Returns the file only when it is inside the directory (null otherwise). */
    private static File letterFile(String name) throws IOException {
        File f = new File(LETTERS, name);
        if (f.getCanonicalPath().startsWith(new File(LETTERS).getCanonicalPath())) return f;
        return null;
    }

    public InputStream goodHelperReturnsNull(HttpServletRequest req) throws IOException {
        File f = letterFile(req.getParameter("letter"));
        if (f == null) throw new SecurityException("no such letter");
        return new FileInputStream(f);
    }

    private static void requireInside(File f) throws IOException {
        if (!f.getCanonicalPath().startsWith(new File(LETTERS).getCanonicalPath() + File.separator)) {
            throw new SecurityException("outside the letters directory");
        }
    }

    public InputStream goodHelperThrows(HttpServletRequest req) throws IOException {
        File f = new File(LETTERS, req.getParameter("letter"));
        requireInside(f);
        return new FileInputStream(f);
    }

    private static boolean isInside(File f) throws IOException {
        return f.getCanonicalPath().startsWith(new File(LETTERS).getCanonicalPath() + File.separator);
    }

    public InputStream goodHelperBoolean(HttpServletRequest req) throws IOException {
        File f = new File(LETTERS, req.getParameter("letter"));
        if (!isInside(f)) return null;
        return new FileInputStream(f);
    }

    /** A helper that checks something else proves nothing. */
    private static boolean isShort(File f) {
        return f.getPath().length() < 200;
    }

    public InputStream badHelperChecksLength(HttpServletRequest req) throws IOException {
        File f = new File(LETTERS, req.getParameter("letter"));
        if (!isShort(f)) return null;
        return new FileInputStream(f); // BUG: java/path-traversal
    }

    /** A File only names a file: its name is no access to the file system. */
    public String goodNameOnly(HttpServletRequest req) {
        File f = new File(req.getParameter("upload"));
        return f.getName();
    }

    public byte[] goodLastNameOfUpload(HttpServletRequest req) throws IOException {
        String name = new File(req.getParameter("upload")).getName();
        return Files.readAllBytes(Paths.get(LETTERS, name));
    }
}
