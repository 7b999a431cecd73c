package org.advocacy.engine.platform;

import org.advocacy.engine.campaign.CampaignRefusal;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.templates.TemplateFailure;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as application/problem+json (RFC 9457) with a detail that says what to change. */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidSubmission invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty("problems", invalid.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail refused(CampaignRefusal refusal) {
        HttpStatus status = refusal.reason() == CampaignRefusal.Reason.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setTitle("Refused");
        problem.setProperty("reason", refusal.reason().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badRequest(BadRequest bad) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.getMessage());
    }

    @ExceptionHandler
    ProblemDetail preconditionFailed(PreconditionFailed moved) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, moved.getMessage());
        problem.setTitle("The campaign moved on");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail templateFailed(TemplateFailure failure) {
        log.warn("A template failed after a step, which was rolled back: {}", failure.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, failure.getMessage());
        problem.setTitle("The template failed");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unprocessable(Unprocessable unprocessable) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, unprocessable.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound missing) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, missing.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(AggregateNotFoundException missing) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no campaign has the id " + missing.getAggregateIdentifier());
    }

    /** Two steps raced and the other one won: the caller may look again and retry. */
    @ExceptionHandler({org.axonframework.modelling.command.ConcurrencyException.class,
            org.camunda.bpm.engine.OptimisticLockingException.class})
    ProblemDetail raced(RuntimeException race) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "another step of this campaign was recorded at the same time; look at the campaign again and retry");
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * Jackson's own messages name our classes and its tokens; the answer says only what is wrong
     * with the body, and where, in the body's own terms.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getCause();
        while (cause != null && !(cause instanceof RequestBodies.BodyTooLarge)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, cause.getMessage()
                    + "; nothing was recorded");
            return handleExceptionInternal(unreadable, tooLarge, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBody(unreadable));
        return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    static String unreadableBody(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "the request body is nested too deeply or holds a number or text too long to read";
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            var at = parse.getLocation();
            return "the request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]" : "")
                    .filter(part -> !part.isEmpty()).collect(java.util.stream.Collectors.joining("."));
            return "the request body is not the JSON object expected here"
                    + (path.isEmpty() ? "" : ": " + path + " has the wrong type or form");
        }
        if (cause == null) {
            return "a JSON object is required as the request body";
        }
        return "the request body could not be read as JSON";
    }

    /**
     * Anything unforeseen: the transaction has rolled back, so the answer can say that nothing
     * changed. When the database is away or busy, that is 503: the same request may be sent again.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> failed(RuntimeException failure) {
        if (DatabaseTrouble.isCause(failure)) {
            log.warn("Request refused with 503, the database being unavailable or busy: {}", failure.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    DatabaseTrouble.detail(failure));
            problem.setTitle("Database unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseTrouble.RETRY_AFTER_SECONDS)).body(problem);
        }
        log.error("Request failed; its transaction was rolled back", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request failed and nothing was recorded");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @ExceptionHandler
    ProblemDetail forbidden(Forbidden forbidden) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, forbidden.getMessage());
    }
}
