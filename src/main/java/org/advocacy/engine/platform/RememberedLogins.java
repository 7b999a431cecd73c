package org.advocacy.engine.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The API is stateless HTTP Basic, so every request presents the password, and checking a BCrypt
 * hash costs tens of milliseconds of CPU. This remembers a successful check for a short while,
 * keyed by the user and a SHA-256 digest of the password (never the password itself); a wrong or
 * changed password is checked in full.
 */
final class RememberedLogins implements AuthenticationProvider {

    private static final int MOST_REMEMBERED = 10_000;

    private record Remembered(Authentication authentication, Instant until) {
    }

    private final AuthenticationProvider checker;
    private final Duration remembered;
    private final Clock clock;
    private final Map<String, Remembered> logins = new ConcurrentHashMap<>();

    RememberedLogins(AuthenticationProvider checker, Duration remembered, Clock clock) {
        this.checker = checker;
        this.remembered = remembered;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request.getCredentials() instanceof String password)) {
            return checker.authenticate(request);
        }
        String key = request.getName() + "\u0000" + digest(password);
        Instant now = clock.instant();
        Remembered login = logins.get(key);
        if (login != null && now.isBefore(login.until())) {
            return login.authentication();
        }
        Authentication checked = checker.authenticate(request);
        if (checked != null && checked.isAuthenticated()) {
            if (logins.size() >= MOST_REMEMBERED) {
                logins.clear();
            }
            logins.put(key, new Remembered(checked, now.plus(remembered)));
        }
        return checked;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
