package corpus.trustbound;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.BiConsumer;

/** Spring MVC controller (jakarta) that keeps the selected patient in the session through helpers. */
@RestController
public class SessionHelperCases {
    private String lastClinic;
    private final String defaultClinic = "RIVERSIDE";

    interface Store {
        void put(HttpSession s, String value);
    }

    static void rememberPatient(HttpSession s, String mrn) {
        s.setAttribute("selectedMrn", mrn); // BUG: java/trust-boundary-violation
    }

    static void rememberPatientId(HttpSession s, long id) {
        s.setAttribute("selectedId", id);
    }

    @GetMapping("/select")
    public void badStaticHelper(@RequestParam String mrn, HttpSession session) {
        rememberPatient(session, mrn);
    }

    @GetMapping("/select-id")
    public void goodStaticHelperNumeric(@RequestParam String id, HttpSession session) {
        rememberPatientId(session, Long.parseLong(id));
    }

    void rememberTheme(HttpSession s, String theme) {
        s.setAttribute("theme", theme); // BUG: java/trust-boundary-violation
    }

    @GetMapping("/theme")
    public void badInstanceHelperFromCookie(@CookieValue("theme") String theme, HttpSession session) {
        rememberTheme(session, theme);
    }

    @GetMapping("/lang")
    public void badOtherClass(@RequestParam String lang, HttpServletRequest req) {
        new SessionPreferences(req.getSession()).language(lang);
    }

    @GetMapping("/lang-safe")
    public void goodOtherClassAllowList(@RequestParam String lang, HttpServletRequest req) {
        new SessionPreferences(req.getSession()).languageChecked(lang);
    }

    class Breadcrumb {
        void push(HttpSession s, String page) {
            s.setAttribute("lastPage", page); // BUG: java/trust-boundary-violation
        }
    }

    @GetMapping("/crumb")
    public void badInnerClass(@RequestParam String page, HttpSession session) {
        new Breadcrumb().push(session, page);
    }

    @GetMapping("/anon")
    public void badAnonymousClass(@RequestParam String ward, HttpSession session) {
        Store st = new Store() {
            @Override
            public void put(HttpSession s, String value) {
                s.setAttribute("ward", value); // BUG: java/trust-boundary-violation
            }
        };
        st.put(session, ward);
    }

    @GetMapping("/lambda")
    public void badLambda(@RequestParam String unit, HttpSession session) {
        BiConsumer<HttpSession, String> put = (s, v) -> s.setAttribute("unit", v); // BUG: java/trust-boundary-violation
        put.accept(session, unit);
    }

    @GetMapping("/lambda-safe")
    public void goodLambdaParses(@RequestParam String unit, HttpSession session) {
        BiConsumer<HttpSession, String> put = (s, v) -> s.setAttribute("unitId", Integer.valueOf(v));
        put.accept(session, unit);
    }

    @GetMapping("/clinic")
    public void remember(@RequestParam String clinic) {
        lastClinic = clinic;
    }

    public void badTaintedField(HttpSession session) {
        session.setAttribute("clinic", lastClinic); // BUG: java/trust-boundary-violation
    }

    public void goodConstantField(HttpSession session) {
        session.setAttribute("clinic", defaultClinic);
    }
}

/** Language and display preferences kept in the session. */
class SessionPreferences {
    private final HttpSession session;

    SessionPreferences(HttpSession session) {
        this.session = session;
    }

    void language(String lang) {
        session.setAttribute("lang", lang); // BUG: java/trust-boundary-violation
    }

    void languageChecked(String lang) {
        if (!lang.matches("[a-z]{2}")) return;
        session.setAttribute("lang", lang);
    }
}
