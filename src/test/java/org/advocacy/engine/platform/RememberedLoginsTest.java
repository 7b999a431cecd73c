package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.advocacy.engine.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The remembered logins, with a real BCrypt password and a clock the test moves. */
class RememberedLoginsTest {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final AtomicInteger fullChecks = new AtomicInteger();
    private RememberedLogins logins;

    @BeforeEach
    void setUp() {
        users.createUser(User.withUsername("coordinator").password(BCRYPT.encode("s3cret-enough"))
                .roles("COORDINATOR").build());
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(BCRYPT);
        bcrypt.setUserDetailsService(users);
        AuthenticationProvider counted = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                fullChecks.incrementAndGet();
                return bcrypt.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return bcrypt.supports(authentication);
            }
        };
        logins = new RememberedLogins(counted, users, REMEMBERED, 2, clock);
    }

    private Authentication signIn(String user, String password) {
        return logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void a_checked_password_is_remembered_until_it_expires() {
        assertThat(signIn("coordinator", "s3cret-enough").isAuthenticated()).isTrue();
        clock.advance(REMEMBERED.minusSeconds(1));
        assertThat(signIn("coordinator", "s3cret-enough").isAuthenticated()).isTrue();
        assertThat(fullChecks).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(logins.size()).as("expired logins are evicted").isZero();
        assertThat(signIn("coordinator", "s3cret-enough").isAuthenticated()).isTrue();
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void a_wrong_password_is_checked_in_full_every_time_and_never_remembered() {
        signIn("coordinator", "s3cret-enough");
        assertThatThrownBy(() -> signIn("coordinator", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("coordinator", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThat(fullChecks).hasValue(3);
        assertThat(logins.size()).isOne();
    }

    @Test
    void a_removed_user_does_not_outlive_its_remembered_login() {
        signIn("coordinator", "s3cret-enough");
        users.deleteUser("coordinator");

        assertThatThrownBy(() -> signIn("coordinator", "s3cret-enough")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_disabled_user_or_a_changed_password_takes_effect_at_once() {
        signIn("coordinator", "s3cret-enough");
        users.updateUser(User.withUsername("coordinator").password(BCRYPT.encode("s3cret-enough")).disabled(true)
                .roles("COORDINATOR").build());
        assertThatThrownBy(() -> signIn("coordinator", "s3cret-enough")).isInstanceOf(DisabledException.class);

        users.updateUser(User.withUsername("coordinator").password(BCRYPT.encode("another-one")).roles("COORDINATOR")
                .build());
        assertThatThrownBy(() -> signIn("coordinator", "s3cret-enough")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("coordinator", "another-one").isAuthenticated()).isTrue();
    }

    @Test
    void at_most_the_capacity_is_kept_the_oldest_going_first() {
        users.createUser(User.withUsername("manager").password(BCRYPT.encode("m4nager-pass")).roles("MANAGER").build());
        users.createUser(User.withUsername("admin").password(BCRYPT.encode("4dmin-pass")).roles("ADMIN").build());
        signIn("coordinator", "s3cret-enough");
        clock.advance(Duration.ofSeconds(1));
        signIn("manager", "m4nager-pass");
        clock.advance(Duration.ofSeconds(1));
        signIn("admin", "4dmin-pass");
        assertThat(logins.size()).isEqualTo(2);
        int checks = fullChecks.get();

        signIn("admin", "4dmin-pass");
        signIn("manager", "m4nager-pass");
        assertThat(fullChecks).as("the two newest are remembered").hasValue(checks);
        signIn("coordinator", "s3cret-enough");
        assertThat(fullChecks).as("the oldest was let go").hasValue(checks + 1);
    }
}
