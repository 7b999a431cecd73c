package org.advocacy.engine.web;

import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.DatabaseTrouble;
import org.advocacy.engine.platform.Forbidden;
import org.advocacy.engine.platform.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The pages' refusals and failures as pages. It comes before the API's problem answers, which
 * serve every other controller (and requests that no controller handles).
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

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

    /** Spring's own refusals keep their status; anything unforeseen rolled back and says that nothing was recorded. */
    @ExceptionHandler
    String failed(Exception failure, Model model, HttpServletResponse response) {
        boolean databaseAway = DatabaseTrouble.isCause(failure);
        int status = failure instanceof ErrorResponse known ? known.getStatusCode().value()
                : failure instanceof TypeMismatchException ? 400 : databaseAway ? 503 : 500;
        if (databaseAway) {
            log.warn("A page answered 503, the database being unavailable or busy: {}", failure.toString());
            response.setHeader("Retry-After", Integer.toString(DatabaseTrouble.RETRY_AFTER_SECONDS));
        } else if (status >= 500) {
            log.error("A page failed; its transaction was rolled back", failure);
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", status >= 500 ? "" : publicMessage(failure));
        return status == 404 ? "error/404" : "error";
    }

    /**
     * Spring's own words for its refusals (a problem's detail names the parameter, never a class);
     * an exception's own text is never shown, since it may name the code behind the page.
     */
    static String publicMessage(Exception failure) {
        if (failure instanceof TypeMismatchException mismatch) {
            return (mismatch.getPropertyName() == null ? "a value" : mismatch.getPropertyName())
                    + " does not have the form that this page expects";
        }
        if (failure instanceof ErrorResponse known && known.getBody().getDetail() != null) {
            return known.getBody().getDetail();
        }
        return "This request cannot be carried out.";
    }
}
