package corpus.cmdi;

import javax.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Export jobs whose options sit in a map or list made with a sized or ordered constructor (jdk-containers.yml): a
 * constant key's value is known, so the safe option stays safe beside a request parameter.
 */
public class ContainerConstructorCases {
    public Process goodLinkedHashMapSized(HttpServletRequest req) throws Exception {
        Map<String, String> m = new LinkedHashMap<>(8);
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + m.get("format"));
    }

    public Process badLinkedHashMapSized(HttpServletRequest req) throws Exception {
        Map<String, String> m = new LinkedHashMap<>(8);
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --study " + m.get("study")); // BUG: java/command-injection
    }

    public Process goodLinkedHashMapAccessOrder(HttpServletRequest req) throws Exception {
        Map<String, String> m = new LinkedHashMap<>(16, 0.75f, true);
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        m.get("study");
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + m.get("format"));
    }

    public Process badLinkedHashMapAccessOrder(HttpServletRequest req) throws Exception {
        Map<String, String> m = new LinkedHashMap<>(16, 0.75f, true);
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --study " + m.get("study")); // BUG: java/command-injection
    }

    public Process goodHashMapLoadFactor(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>(16, 0.5f);
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + m.get("format"));
    }

    public Process badHashtableSized(HttpServletRequest req) throws Exception {
        Map<String, String> m = new Hashtable<>(4);
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --study " + m.get("study")); // BUG: java/command-injection
    }

    public Process goodHashtableSized(HttpServletRequest req) throws Exception {
        Map<String, String> m = new Hashtable<>(4);
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + m.get("format"));
    }

    public Process goodConcurrentHashMapSized(HttpServletRequest req) throws Exception {
        Map<String, String> m = new ConcurrentHashMap<>(4, 0.75f, 2);
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + m.get("format"));
    }

    public Process goodTreeMapNaturalOrder(HttpServletRequest req) throws Exception {
        Map<String, String> m = new TreeMap<>(Comparator.naturalOrder());
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + m.get("format"));
    }

    public Process badTreeMapNaturalOrder(HttpServletRequest req) throws Exception {
        Map<String, String> m = new TreeMap<>(Comparator.naturalOrder());
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --study " + m.get("study")); // BUG: java/command-injection
    }

    public Process goodSkipListReverseOrder(HttpServletRequest req) throws Exception {
        Map<String, String> m = new ConcurrentSkipListMap<>(Collections.reverseOrder());
        m.put("format", "pdf");
        m.put("study", req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + m.get("format"));
    }

    /** A case-insensitive map: "FORMAT" is the key "format", so the request's value is what is read back. */
    public Process badTreeMapCaseInsensitive(HttpServletRequest req) throws Exception {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.put("format", "pdf");
        m.put("FORMAT", req.getParameter("format"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + m.get("format")); // BUG: java/command-injection
    }

    public Process goodVectorSized(HttpServletRequest req) throws Exception {
        List<String> l = new Vector<>(4, 2);
        l.add("pdf");
        l.add(req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --format " + l.get(0));
    }

    public Process badVectorSized(HttpServletRequest req) throws Exception {
        List<String> l = new Vector<>(4, 2);
        l.add("pdf");
        l.add(req.getParameter("study"));
        return Runtime.getRuntime().exec("/opt/pacs/bin/export --study " + l.get(1)); // BUG: java/command-injection
    }
}
