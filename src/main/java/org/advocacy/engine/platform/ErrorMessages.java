package org.advocacy.engine.platform;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page shows no exception's text ({@code server.error.include-message: never}): only a
 * message that the app itself gave for its refusal, through {@link #sendError}.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorMessages {

    private static final String MESSAGE = ErrorMessages.class.getName() + ".message";

    /** Answers with the error page, which shows {@code message}: words meant for the person, never an exception's. */
    public static void sendError(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                 String message) throws IOException {
        request.setAttribute(MESSAGE, message);
        response.sendError(status.value());
    }

    @Bean
    ErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                Object message = request.getAttribute(MESSAGE, RequestAttributes.SCOPE_REQUEST);
                if (message != null) {
                    attributes.put("message", message);
                }
                return attributes;
            }
        };
    }
}
