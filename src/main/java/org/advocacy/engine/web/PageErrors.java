package org.advocacy.engine.web;

import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.Forbidden;
import org.advocacy.engine.platform.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The pages' refusals as pages (the API answers problems instead). */
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound missing, Model model) {
        model.addAttribute("message", missing.getMessage());
        return "error/404";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Forbidden forbidden, Model model) {
        model.addAttribute("message", forbidden.getMessage());
        return "error/403";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(BadRequest bad, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("message", bad.getMessage());
        return "error";
    }
}
