package org.advocacy.engine.platform;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One correlation id per request: the caller's {@code X-Correlation-Id} when it is a short token
 * of safe characters, otherwise a new UUID. It is in the logging context (MDC) for every line
 * logged while the request runs, answered in the same header, and carried by the events that the
 * request records ({@link CampaignCommandGateway}). Work that no request started (Camunda's jobs,
 * scheduled checkpoints) has none here and gets one per transaction.
 */
class CorrelationIds extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";
    static final String MDC_KEY = "correlationId";
    private static final String ATTRIBUTE = CorrelationIds.class.getName();
    // anything else (log forging with line breaks, huge values) is not taken from the caller
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String already ? already : sane(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The error page that a failed request is forwarded to logs under the request's id too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<CorrelationIds> correlationIds() {
            FilterRegistrationBean<CorrelationIds> registration = new FilterRegistrationBean<>(new CorrelationIds());
            // before Spring Security, so that its refusals are logged and answered with the id too
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
            return registration;
        }
    }

    static String sane(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The correlation id of the request that this thread serves, if it serves one. */
    static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
