package corpus.ssti;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Spring MVC view names built from input: Thymeleaf's view resolver evaluates expressions a view name holds
 * ({@code __${T(java.lang.Runtime).getRuntime().exec('id')}__::x}), so the input chooses code, not only a page.
 */
@Controller
@RequestMapping("/reports")
public class SpringViewNameCases {

    @GetMapping("/view")
    public String badSection(@RequestParam String section) {
        return "reports/" + section; // BUG: java/template-injection
    }

    @GetMapping("/{page}")
    public String badPathVariable(@PathVariable String page) {
        return page; // BUG: java/template-injection
    }

    @GetMapping("/welcome")
    public String badLanguage(@RequestHeader("Accept-Language") String lang) {
        return "user/" + lang + "/welcome"; // BUG: java/template-injection
    }

    @GetMapping("/fragment")
    public String badFragment(@RequestParam String part) {
        return "reports/summary :: " + part; // BUG: java/template-injection
    }

    @GetMapping("/theme")
    public String badCookie(@CookieValue("theme") String theme) {
        return themed(theme, "dashboard"); // BUG: java/template-injection
    }

    private static String themed(String theme, String page) {
        return "themes/" + theme + "/" + page;
    }

    @RequestMapping("/legacy")
    public String badImplicitParam(String layout) {
        String view = "legacy/" + layout;
        return view; // BUG: java/template-injection
    }

    @GetMapping("/chosen")
    public String goodAllowList(@RequestParam String section) {
        switch (section) {
            case "labs":
                return "reports/labs";
            case "visits":
                return "reports/visits";
            default:
                return "reports/index";
        }
    }

    @GetMapping("/search")
    public String goodModelAttribute(@RequestParam String q, Model model) {
        model.addAttribute("query", q);
        return "reports/search";
    }

    @GetMapping("/numbered")
    public String goodNumeric(@RequestParam String n) {
        return "reports/page" + Integer.parseInt(n);
    }

    @GetMapping("/done")
    public String goodRedirectFixedPath(@RequestParam String id) {
        return "redirect:/reports/" + id;
    }

    /** A @ResponseBody String is the body, not a view name (java/xss judges it). */
    @GetMapping(value = "/raw", produces = "text/plain")
    @ResponseBody
    public String goodResponseBodyNotAView(@RequestParam String name) {
        return "reports/" + name;
    }
}
