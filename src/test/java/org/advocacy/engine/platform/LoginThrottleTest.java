package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.advocacy.engine.support.MovableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), 100, clock);

    @Test
    void a_user_that_failed_the_limit_waits_until_the_oldest_failure_leaves_the_window() {
        throttle.failed("coordinator", "10.0.0.1");
        clock.advance(Duration.ofMinutes(5));
        throttle.failed("coordinator", "10.0.0.2");
        assertThat(throttle.wait("coordinator", "10.0.0.3")).isEmpty();
        throttle.failed("coordinator", "10.0.0.3");

        assertThat(throttle.wait("coordinator", "10.0.0.4")).as("from any address").contains(Duration.ofMinutes(10));
        assertThat(throttle.wait("manager", "10.0.0.1")).as("another user from those addresses").isEmpty();

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.wait("coordinator", "10.0.0.4")).isEmpty();
    }

    @Test
    void an_address_that_failed_three_times_the_limit_waits_whoever_it_names() {
        for (int attempt = 0; attempt < 9; attempt++) {
            throttle.failed("user" + attempt, "10.0.0.9");
        }
        assertThat(throttle.wait("someone-new", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.wait("someone-new", "10.0.0.8")).isEmpty();
    }

    @Test
    void a_success_forgets_the_users_failures() {
        throttle.failed("coordinator", "10.0.0.1");
        throttle.failed("coordinator", "10.0.0.1");
        throttle.succeeded("coordinator");
        throttle.failed("coordinator", "10.0.0.1");

        assertThat(throttle.wait("coordinator", "10.0.0.2")).isEmpty();
    }

    @Test
    void at_most_the_capacity_of_users_and_addresses_is_tracked() {
        LoginThrottle small = new LoginThrottle(1, Duration.ofMinutes(15), 2, clock);
        small.failed("first", null);
        small.failed("second", null);
        small.failed("third", null);

        assertThat(small.wait("first", null)).as("the least recent was let go").isEmpty();
        assertThat(small.wait("third", null)).isPresent();
    }
}
