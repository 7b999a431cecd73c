package org.advocacy.engine.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Two ways in. The API ({@code /api/**}, and Actuator's {@code /actuator/**}) is stateless HTTP Basic and answers problems; the pages
 * sign in with a form into a session, with CSRF protection on every form. Three roles: COORDINATOR (starts campaigns, claims and completes
 * tasks), MANAGER (reads everything, history and verification; completes manager tasks), ADMIN
 * (operations). Users come from {@code campaigns.security.users}; there is none by default, and
 * the {@code demo} profile adds three whose passwords equal their names.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityConfiguration.SecurityProperties.class, RequestBodies.RequestProperties.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** @param password in Spring Security's encoded form, e.g. {bcrypt}... ({noop} only for trials) */
    public record UserEntry(String name, String password, List<String> roles) {
    }

    @ConfigurationProperties("campaigns.security")
    public record SecurityProperties(List<UserEntry> users) {
        public SecurityProperties {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        if (properties.users().isEmpty()) {
            log.warn("No users are configured (campaigns.security.users): nobody can sign in. "
                    + "Run with the demo profile for the demo users.");
        }
        List<UserDetails> users = properties.users().stream().map(user -> User.withUsername(user.name())
                .password(user.password()).roles(user.roles().toArray(String[]::new)).build()).toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    @Order(0)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, UserDetailsService users,
                            PasswordEncoder passwordEncoder, AuthenticationEventPublisher events,
                            ThrottledSignIns throttle, RequestBodies.RequestProperties limits) throws Exception {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(passwordEncoder);
        passwordCheck.setUserDetailsService(users);
        ProviderManager manager = new ProviderManager(
                new RememberedLogins(passwordCheck, users, Duration.ofMinutes(5), 10_000, Clock.systemUTC()));
        manager.setAuthenticationEventPublisher(events);
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(manager)
                .addFilterBefore(throttle.basic(), BasicAuthenticationFilter.class)
                .addFilterBefore(new RequestBodies(limits, json), CsrfFilter.class)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, denied) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"campaigns\"");
                    problem(json, response, HttpStatus.UNAUTHORIZED, "sign in with HTTP Basic to use the API");
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, denied) ->
                        problem(json, response, HttpStatus.FORBIDDEN, "your role does not allow "
                                + request.getMethod() + " " + request.getRequestURI())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/campaigns").hasRole("COORDINATOR")
                        .requestMatchers(HttpMethod.POST, "/api/tasks/*/assign").hasRole("MANAGER")
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/*/suspend", "/api/campaigns/*/resume",
                                "/api/campaigns/*/cancel").hasRole("MANAGER")
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/*/positions/*", "/api/campaigns/*/electorate/*")
                        .hasAnyRole("COORDINATOR", "MANAGER")
                        .requestMatchers(HttpMethod.POST, "/api/tasks/**", "/api/campaigns/*/tasks/**")
                        .hasAnyRole("COORDINATOR", "MANAGER")
                        .requestMatchers(HttpMethod.GET, "/api/tasks").hasAnyRole("COORDINATOR", "MANAGER")
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/history", "/api/campaigns/*/history/export")
                        .hasAnyRole("MANAGER", "COORDINATOR")
                        .requestMatchers(HttpMethod.GET, "/api/history").hasRole("MANAGER")
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/verify", "/api/campaigns/*/evidence")
                        .hasRole("MANAGER")
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/*/verify").hasRole("MANAGER")
                        .requestMatchers(HttpMethod.GET, "/api/checkpoints/key", "/api/checkpoints/key.pem").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/checkpoints", "/api/checkpoints/**", "/api/operations")
                        .hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/checkpoints").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        // orchestrators probe without credentials; the probes then show no details
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .anyRequest().denyAll())
                .with(new NoFormLogin(), Customizer.withDefaults())
                .build();
    }

    /**
     * The pages: a login form and a session. What each role may open follows SPEC §5; the pages
     * hide what a role may not use, and these rules refuse it (403) when its address is typed.
     */
    @Bean
    @Order(10)
    SecurityFilterChain pages(HttpSecurity http, UserDetailsService users, PasswordEncoder passwordEncoder,
                              AuthenticationEventPublisher events, ThrottledSignIns throttle,
                              RequestBodies.RequestProperties limits, ObjectMapper json) throws Exception {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(passwordEncoder);
        passwordCheck.setUserDetailsService(users);
        ProviderManager manager = new ProviderManager(passwordCheck);
        manager.setAuthenticationEventPublisher(events);
        return http
                .authenticationManager(manager)
                .addFilterBefore(throttle.form(), UsernamePasswordAuthenticationFilter.class)
                // before the CSRF check, which reads the form: a form too large for Tomcat would lose its token
                .addFilterBefore(new RequestBodies(limits, json), CsrfFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/activity").hasRole("MANAGER")
                        .requestMatchers("/record", "/record/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers("/campaigns/new").hasRole("COORDINATOR")
                        .requestMatchers(HttpMethod.POST, "/campaigns").hasRole("COORDINATOR")
                        .requestMatchers(HttpMethod.POST, "/campaigns/*/suspend", "/campaigns/*/resume",
                                "/campaigns/*/cancel").hasRole("MANAGER")
                        .requestMatchers("/inbox", "/inbox/**", "/tasks/**").hasAnyRole("COORDINATOR", "MANAGER")
                        .requestMatchers(HttpMethod.POST, "/campaigns/*/whip/*", "/campaigns/*/whip/*/electorate")
                        .hasAnyRole("COORDINATOR", "MANAGER")
                        .requestMatchers("/campaigns/*/timeline", "/campaigns/*/timeline/**")
                        .hasAnyRole("MANAGER", "COORDINATOR")
                        .requestMatchers(HttpMethod.GET, "/", "/campaigns", "/campaigns/*", "/campaigns/*/replay/*",
                                "/diagrams/**").authenticated()
                        // anything else is no page: signed-in users get 404 for it, not a misleading 403
                        .anyRequest().authenticated())
                .build();
    }

    /** Pages load nothing from another host; inline styles are allowed for the diagram viewer. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    /** The API's answers are data, never a document: nothing in them may load, run or be framed. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * A request whose address the firewall refuses (an encoded slash, a "..", a control character)
     * reaches no chain: the API answers it with a problem, the pages with the error page.
     */
    @Bean
    RequestRejectedHandler rejectedAddresses(ObjectMapper json) {
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith("/api/")) {
                writeSecurityHeaders(response, API_POLICY);
                problem(json, response, HttpStatus.BAD_REQUEST, "the request's address is not one that this API serves");
            } else {
                writeSecurityHeaders(response, PAGE_POLICY);
                ErrorMessages.sendError(request, response, HttpStatus.BAD_REQUEST,
                        "This address is not one that the app serves.");
            }
        };
    }

    /** What the chains' header writers add, for an answer that no chain gives. */
    static void writeSecurityHeaders(HttpServletResponse response, String policy) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The API answers 401 with a problem, never a redirect to a login page. */
    static final class NoFormLogin extends org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer<NoFormLogin, HttpSecurity> {
        @Override
        public void init(HttpSecurity http) throws Exception {
            http.formLogin(form -> form.disable());
        }
    }
}
