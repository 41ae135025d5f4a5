package org.example.portal.api;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ward board's pages: Spring MVC view names. */
@Controller
public class WardViewController {

    @GetMapping("/wards/after-handover")
    public String afterHandover(@RequestParam String next) {
        return "redirect:" + next; // BUG: java/open-redirect
    }

    @GetMapping("/wards/after-discharge")
    public String afterDischarge(@RequestParam String ward) {
        return "redirect:/wards/" + ward;
    }

    @GetMapping("/wards/board")
    public String board(@RequestParam String layout) {
        return "wards/" + layout; // BUG: java/template-injection
    }

    @GetMapping("/wards/board/chosen")
    public String boardChosen(@RequestParam String layout, Model model) {
        model.addAttribute("layout", layout);
        return "compact".equals(layout) ? "wards/compact" : "wards/full";
    }
}
