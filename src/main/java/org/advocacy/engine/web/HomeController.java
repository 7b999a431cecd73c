package org.advocacy.engine.web;

import org.advocacy.engine.platform.Actors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and each role's start page: a coordinator's inbox, a manager's campaigns, an admin's operations. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        var roles = Actors.roles();
        if (roles.contains("COORDINATOR")) {
            return "redirect:/inbox";
        }
        if (roles.contains("MANAGER")) {
            return "redirect:/campaigns";
        }
        if (roles.contains("ADMIN")) {
            return "redirect:/admin";
        }
        return "redirect:/campaigns";
    }

    @GetMapping("/login")
    String login(Authentication signedIn) {
        return signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)
                ? "redirect:/" : "login";
    }
}
