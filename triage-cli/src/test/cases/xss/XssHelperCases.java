package corpus.xss;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Lab-result page (jakarta.servlet) rendered through helpers and nested classes. */
public class XssHelperCases extends HttpServlet {
    private String lastComment;
    private final String footer = "<footer>Riverside Clinic</footer>";

    interface Fragment {
        void render(PrintWriter out, String value);
    }

    static void heading(PrintWriter out, String title) {
        out.print("<h2>" + title + "</h2>"); // BUG: java/xss
    }

    static void headingEncoded(PrintWriter out, String title) {
        out.print("<h2>" + Encode.forHtml(title) + "</h2>");
    }

    public void badStaticHelper(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        heading(resp.getWriter(), req.getParameter("test"));
    }

    public void goodStaticHelperEncodes(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        headingEncoded(resp.getWriter(), req.getParameter("test"));
    }

    void row(HttpServletResponse resp, String value) throws IOException {
        resp.getWriter().println("<tr><td>" + value + "</td></tr>"); // BUG: java/xss
    }

    public void badInstanceHelper(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        row(resp, req.getParameter("value"));
    }

    public void goodInstanceHelperNumeric(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        row(resp, String.valueOf(Double.parseDouble(req.getParameter("value"))));
    }

    public void badOtherClass(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        new ResultBanner().show(resp.getWriter(), req.getParameter("flag"));
    }

    public void goodOtherClass(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        new ResultBanner().showEncoded(resp.getWriter(), req.getParameter("flag"));
    }

    class Legend {
        void write(PrintWriter out, String unit) {
            out.print("<small>" + unit + "</small>"); // BUG: java/xss
        }
    }

    public void badInnerClass(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        new Legend().write(resp.getWriter(), req.getParameter("unit"));
    }

    public void badAnonymousClass(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Fragment f = new Fragment() {
            @Override
            public void render(PrintWriter out, String value) {
                out.print("<em>" + value + "</em>"); // BUG: java/xss
            }
        };
        f.render(resp.getWriter(), req.getParameter("range"));
    }

    public void goodAnonymousClassEncoded(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Fragment f = new Fragment() {
            @Override
            public void render(PrintWriter out, String value) {
                out.print("<em>" + Encode.forHtml(value) + "</em>");
            }
        };
        f.render(resp.getWriter(), req.getParameter("range"));
    }

    public void badLambda(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter out = resp.getWriter();
        Consumer<String> show = v -> out.print("<b>" + v + "</b>"); // BUG: java/xss
        show.accept(req.getParameter("abnormal"));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        lastComment = req.getParameter("comment");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print("<p>" + lastComment + "</p>"); // BUG: java/xss
        resp.getWriter().print(footer);
    }
}

/** Coloured banner for abnormal lab values. */
class ResultBanner {
    void show(PrintWriter out, String flag) {
        out.print("<div class=banner>" + flag + "</div>"); // BUG: java/xss
    }

    void showEncoded(PrintWriter out, String flag) {
        out.print("<div class=banner>" + Encode.forHtml(flag) + "</div>");
    }
}
