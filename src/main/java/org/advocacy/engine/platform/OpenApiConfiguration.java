package org.advocacy.engine.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API's OpenAPI description ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui/index.html}),
 * for any signed-in user. Which paths it documents ({@code /api/**} only) and that Swagger UI
 * validates nothing against another host are settled in application.yml, under {@code springdoc}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basic";

    /** Every operation requires HTTP Basic, so that Swagger UI's "Try it out" sends the credentials. */
    @Bean
    OpenAPI campaignEngineApi() {
        return new OpenAPI()
                .info(new Info().title("Campaign engine API").version("1")
                        .description("Advocacy campaigns that follow BPMN templates, with every step recorded as "
                                + "an immutable event. JSON over HTTP Basic (the users and roles of "
                                + "campaigns.security.users); errors are application/problem+json."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(BASIC)))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Before the pages' catch-all chain, which would otherwise answer a login page: the documents
     * answer 401 to anyone not signed in, by the pages' session or by HTTP Basic. They only read,
     * so Spring's CSRF protection stays as it is.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, refused) -> SecurityConfiguration.problem(json,
                response, HttpStatus.UNAUTHORIZED, "sign in (at /login, or with HTTP Basic) to read the API's description");
        return http
                .securityMatcher("/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html")
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                // Swagger UI is a page of ours like the others: its scripts are files, never inline
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.PAGE_POLICY)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }
}
