package org.advocacy.engine.platform;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda's webapps (Cockpit, Admin, Tasklist under {@code /camunda}) are for ADMIN users only,
 * signed in to Spring Security: by the pages' session or by HTTP Basic. Camunda's own login is
 * bypassed, never trusted: its container-based filter takes the Spring user, and Camunda's
 * identity is the read-only {@link ConfiguredAdminsIdentity}, where no password exists.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSecurity {

    private static final String ADMIN = "ROLE_ADMIN";

    /**
     * Before the pages' catch-all chain. Spring's CSRF protection is off because the webapps
     * carry their own (Camunda's CsrfPreventionFilter and its X-XSRF-TOKEN header), which their
     * scripts speak. {@code /engine-rest} is closed here too, whether or not anything serves it,
     * so that adding Camunda's REST starter can never publish the engine unprotected.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, ObjectMapper json, CamundaBpmProperties camunda)
            throws Exception {
        // whole paths: a pattern given as a string would be read within the servlet that serves it,
        // and the webapps' APIs are Jersey servlets of their own (/camunda/api/admin/*, ...)
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        AuthenticationEntryPoint unauthorized = (request, response, refused) -> SecurityConfiguration.problem(json,
                response, HttpStatus.UNAUTHORIZED, "sign in as an ADMIN (at /login, or with HTTP Basic) to open Camunda");
        return http
                .securityMatchers(matchers -> matchers.requestMatchers(
                        path.matcher(camunda.getWebapp().getApplicationPath() + "/**"), path.matcher("/engine-rest/**")))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, denied) -> SecurityConfiguration.problem(json,
                                response, HttpStatus.FORBIDDEN, "only an ADMIN may open Camunda")))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ADMIN"))
                .build();
    }

    /**
     * Hands the Spring user to the webapps. It must run after Spring Security's filter, whose
     * security context it reads, and before Camunda's own filters, which the webapp starter
     * registers unordered (so after every ordered registration).
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaUserFromSpringSecurity(
            CamundaBpmProperties camunda, org.springframework.boot.autoconfigure.security.SecurityProperties spring) {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAdmin.class.getName()));
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(spring.getFilter().getOrder() + 1);
        return registration;
    }

    @Bean
    ProcessEnginePlugin configuredAdminsIdentity(SecurityConfiguration.SecurityProperties users) {
        return ConfiguredAdminsIdentity.plugin(users);
    }

    /**
     * The user whom Spring Security signed in, if an ADMIN. The chain above already refuses
     * everyone else; checking the role again keeps a non-admin out of the webapps should that
     * chain ever change (and such a user does not exist in Camunda's identity anyway).
     * Camunda's filter instantiates this by its class name, hence public.
     */
    public static final class SpringSecurityAdmin implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            boolean admin = signedIn != null && signedIn.isAuthenticated()
                    && signedIn.getAuthorities().stream().anyMatch(authority -> ADMIN.equals(authority.getAuthority()));
            return admin ? AuthenticationResult.successful(signedIn.getName()) : AuthenticationResult.unsuccessful();
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // the Spring chain has already told the client how to sign in
        }
    }
}
