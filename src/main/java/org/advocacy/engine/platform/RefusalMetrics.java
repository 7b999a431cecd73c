package org.advocacy.engine.platform;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every 4xx problem that the API answers ({@link Problems} and the controllers' own
 * handlers) as {@code campaigns.refusals}, by the refusal's reason (a campaign rule's
 * {@code reason}, otherwise the status's name) and status. Sign-in refusals (401, 429) are
 * answered before any controller and are not counted here.
 */
@RestControllerAdvice
class RefusalMetrics implements ResponseBodyAdvice<Object> {

    private final MeterRegistry meters;

    RefusalMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getStatus() >= 400 && problem.getStatus() < 500) {
            Object reason = problem.getProperties() == null ? null : problem.getProperties().get("reason");
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            String name = reason != null ? reason.toString() : status != null ? status.name() : "HTTP_" + problem.getStatus();
            meters.counter("campaigns.refusals", "reason", name, "status", Integer.toString(problem.getStatus())).increment();
        }
        return body;
    }
}
