package org.advocacy.engine.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on a real PostgreSQL (embedded, or the server that SPRING_DATASOURCE_URL names),
 * with the test users. Every test class with this annotation shares one started app.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// the metrics as production exports them (Prometheus), which tests otherwise replace by an in-memory registry
@AutoConfigureObservability(tracing = false)
public @interface AppTest {
}
