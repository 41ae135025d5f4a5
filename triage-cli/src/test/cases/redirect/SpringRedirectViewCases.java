package corpus.redirect;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Spring MVC view names: "redirect:" + input sends the browser wherever the input says. */
@Controller
public class SpringRedirectViewCases {

    @GetMapping("/login/done")
    public String badRedirectParam(@RequestParam String next) {
        return "redirect:" + next; // BUG: java/open-redirect
    }

    @GetMapping("/back")
    public String badRedirectReferer(@RequestHeader("Referer") String referer) {
        return "redirect:" + referer; // BUG: java/open-redirect
    }

    /** "redirect:/" + "/evil.example" is the protocol-relative URL //evil.example. */
    @GetMapping("/go")
    public String badLeadingSlashOnly(@RequestParam String path) {
        return "redirect:/" + path; // BUG: java/open-redirect
    }

    @PostMapping("/booking/confirm")
    public String badServletRequest(HttpServletRequest req) {
        String target = "redirect:" + req.getParameter("returnTo");
        return target; // BUG: java/open-redirect
    }

    @GetMapping("/after-logout")
    public String badHelper(@RequestParam String to) {
        return redirectTo(to); // BUG: java/open-redirect
    }

    private static String redirectTo(String url) {
        return "redirect:" + url + "?loggedOut=1";
    }

    @GetMapping("/resume")
    public String badAfterNullCheck(@RequestParam(required = false) String resume) {
        if (resume == null) {
            return "redirect:/portal/home";
        }
        return "redirect:" + resume; // BUG: java/open-redirect
    }

    @GetMapping("/patients/{id}/saved")
    public String goodFixedPath(@PathVariable String id) {
        return "redirect:/patients/" + id;
    }

    @GetMapping("/search/again")
    public String goodFixedPathQuery(@RequestParam String q) {
        return "redirect:/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @GetMapping("/portal/jump")
    public String goodFixedOrigin(@RequestParam String page) {
        return "redirect:https://portal.riverside.example/" + page;
    }

    @GetMapping("/home")
    public String goodConstant(@RequestParam String ignored) {
        return "redirect:/portal/home";
    }

    @GetMapping("/relative")
    public String goodRelativePath(@RequestParam String id) {
        return "redirect:appointments/" + id;
    }

    @GetMapping("/results")
    public String goodModelAttribute(@RequestParam String q, Model model) {
        model.addAttribute("q", q);
        return "results";
    }
}
