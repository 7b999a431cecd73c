package org.advocacy.engine.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Addresses that Tomcat reads before the app does. An encoded slash or backslash (%2F, %5C: the
 * classic disguises of "../") is left for Spring Security's firewall to refuse, which answers
 * with the app's own 400 and its security headers. What Tomcat itself must refuse (a NUL in the
 * path, a malformed request line) is answered in the app's form too: a problem under /api, a
 * plain page elsewhere, with the same headers, instead of Tomcat's own error page.
 */
@Configuration(proxyBeanMethods = false)
class ServerAddresses {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> addressesTheAppAnswers() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
            // after Spring Boot's own customizer, which adds a plain ErrorReportValve to the host
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(AppErrorReports.class.getName());
                }
            });
        };
    }

    /** Tomcat's error reports, in the app's form and without a word about the server. */
    public static final class AppErrorReports extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getCoyoteRequest().requestURI().toString();
            boolean api = uri != null && uri.startsWith("/api/");
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                SecurityConfiguration.writeSecurityHeaders(response,
                        api ? SecurityConfiguration.API_POLICY : SecurityConfiguration.PAGE_POLICY);
                String detail = status == 400 ? "the request's address or head is not one that this server reads"
                        : "the request cannot be served";
                response.setContentType(api ? "application/problem+json" : "text/html");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(api ? "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}"
                            : "<!DOCTYPE html><html lang=\"en\"><head><title>" + status + "</title></head><body><p>"
                            + detail + ".</p></body></html>");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException unwritable) {
                // the connection is gone: nobody is left to answer
            }
        }
    }
}
