package org.advocacy.engine.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Turns sign-in attempts away with 429 and {@code Retry-After} once a user or a client address
 * has failed too often (HTTP Basic on the API, the login form on the pages), before any password
 * is checked; counts the failures and successes that Spring Security reports.
 */
@Component
class ThrottledSignIns {

    static final int FAILURES_ALLOWED = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final LoginThrottle throttle = new LoginThrottle(FAILURES_ALLOWED, WINDOW, 100_000, Clock.systemUTC());
    private final ObjectMapper json;

    ThrottledSignIns(ObjectMapper json) {
        this.json = json;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent failure) {
        throttle.failed(failure.getAuthentication().getName(), address(failure.getAuthentication()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent success) {
        throttle.succeeded(success.getAuthentication().getName());
    }

    /** For the API's chain: the user is the one HTTP Basic names; refusals are problems. */
    OncePerRequestFilter basic() {
        return new Gate(true);
    }

    /** For the pages' chain: the user is the one the login form names. */
    OncePerRequestFilter form() {
        return new Gate(false);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    private final class Gate extends OncePerRequestFilter {
        private final boolean api;

        Gate(boolean api) {
            this.api = api;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String user = api ? basicUser(request) : formUser(request);
            Optional<Duration> wait = user == null ? Optional.empty() : throttle.wait(user, request.getRemoteAddr());
            if (wait.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            String detail = "too many failed sign-ins for this user or from this address; try again in "
                    + (seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes");
            response.setHeader("Retry-After", Long.toString(seconds));
            if (api) {
                SecurityConfiguration.problem(json, response, HttpStatus.TOO_MANY_REQUESTS, detail);
            } else {
                ErrorMessages.sendError(request, response, HttpStatus.TOO_MANY_REQUESTS, detail);
            }
        }

        private static String basicUser(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }

        private static String formUser(HttpServletRequest request) {
            return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
                    ? request.getParameter("username") : null;
        }
    }
}
