package corpus.ssrf;

import cn.hutool.http.HttpRequest;
import cn.hutool.http.HttpUtil;

import javax.servlet.http.HttpServletRequest;
import java.util.Map;

/** Fetches partner FHIR resources with Hutool's HTTP client. */
public class HutoolSsrfCases {
    private static final Map<String, String> PARTNERS = Map.of(
            "northlab", "https://fhir.northlab.example/r4",
            "cityimaging", "https://pacs.cityimaging.example/wado");

    public String badGet(HttpServletRequest req) {
        return HttpUtil.get(req.getParameter("url")); // BUG: java/ssrf
    }

    public String badRequestBuilder(HttpServletRequest req) {
        String base = req.getHeader("X-Fhir-Base");
        return HttpRequest.get(base + "/Patient?identifier=123").timeout(5000).execute().body(); // BUG: java/ssrf
    }

    public long badDownload(HttpServletRequest req) {
        return HttpUtil.downloadFile(req.getParameter("pdf"), "/tmp/lab.pdf"); // BUG: java/ssrf
    }

    // ---- good ----

    public String goodAllowListed(HttpServletRequest req) {
        String base = PARTNERS.get(req.getParameter("partner"));
        if (base == null) return null;
        return HttpUtil.get(base + "/metadata");
    }

    public String goodFixedHostNumericId(HttpServletRequest req) {
        long id = Long.parseLong(req.getParameter("id"));
        return HttpRequest.get("https://fhir.northlab.example/r4/Patient/" + id).execute().body();
    }
}
