package corpus.reflection;

import org.owasp.encoder.Encode;

import javax.servlet.http.HttpServletRequest;
import java.util.Map;

/** Pluggable lab-result importers chosen per partner (javax.servlet). */
public class UnsafeReflectionCases {
    private static final Map<String, Class<?>> IMPORTERS = Map.of(
            "hl7", StringBuilder.class,
            "csv", java.util.ArrayList.class);

    public Object badDirect(HttpServletRequest req) throws Exception {
        String type = req.getParameter("importer");
        return Class.forName(type).getDeclaredConstructor().newInstance(); // BUG: java/unsafe-reflection
    }

    public Class<?> badLoadClass(HttpServletRequest req) throws Exception {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl.loadClass(req.getHeader("X-Codec")); // BUG: java/unsafe-reflection
    }

    public Class<?> badForNameWithLoader(HttpServletRequest req) throws Exception {
        return Class.forName(req.getParameter("mapper"), true, getClass().getClassLoader()); // BUG: java/unsafe-reflection
    }

    public Object goodMapOfClasses(HttpServletRequest req) throws Exception {
        Class<?> c = IMPORTERS.get(req.getParameter("importer"));
        if (c == null) return null;
        return c.getDeclaredConstructor().newInstance();
    }

    public Class<?> goodAllowList(HttpServletRequest req) throws Exception {
        String type = req.getParameter("importer");
        if (!"java.lang.StringBuilder".equals(type) && !"java.util.ArrayList".equals(type)) return null;
        return Class.forName(type);
    }

    public Class<?> goodFixed(HttpServletRequest req) throws Exception {
        req.getParameter("importer");
        return Class.forName("java.util.ArrayList");
    }

    /** HTML encoding keeps dots and letters: any class name passes. */
    public Class<?> badHtmlEncoded(HttpServletRequest req) throws Exception {
        return Class.forName(Encode.forHtml(req.getParameter("importer"))); // BUG: java/unsafe-reflection
    }

    public Class<?> badCaseAndTrim(HttpServletRequest req) throws Exception {
        String pkg = req.getParameter("pkg").trim();
        String simple = req.getParameter("cls").substring(0, 1).toUpperCase() + req.getParameter("cls").substring(1);
        return Class.forName(pkg + "." + simple); // BUG: java/unsafe-reflection
    }

    public void goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("importer");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "java.util.ArrayList" : param;
        Class.forName(bar);
    }

    public void badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("importer");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "java.util.ArrayList" : param;
        Class.forName(bar); // BUG: java/unsafe-reflection
    }

    public void goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("importer");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "java.util.ArrayList"; break;
            default: bar = param; break;
        }
        Class.forName(bar);
    }

    public void badSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("importer");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "java.util.ArrayList"; break;
            case 'B': bar = param; break;
            default: bar = "java.util.ArrayList"; break;
        }
        Class.forName(bar); // BUG: java/unsafe-reflection
    }

    public void goodMapConstantKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "java.util.ArrayList");
        map.put("keyB", req.getParameter("importer"));
        String bar = map.get("keyA");
        Class.forName(bar);
    }

    public void badMapTaintedKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "java.util.ArrayList");
        map.put("keyB", req.getParameter("importer"));
        String bar = map.get("keyB");
        Class.forName(bar); // BUG: java/unsafe-reflection
    }

    public void goodListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("importer"));
        list.add("java.util.ArrayList");
        list.remove(0);
        String bar = list.get(1);
        Class.forName(bar);
    }

    public void badListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("importer"));
        list.add("java.util.ArrayList");
        list.remove(0);
        String bar = list.get(0);
        Class.forName(bar); // BUG: java/unsafe-reflection
    }
}
