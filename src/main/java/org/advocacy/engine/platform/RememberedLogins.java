package org.advocacy.engine.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The API is stateless HTTP Basic, so every request presents the password, and checking a BCrypt
 * hash costs tens of milliseconds of CPU. This remembers a successful check for a short while.
 * The key of a remembered login is an HMAC-SHA256 of the user and password under a random key
 * that this process draws at start and never shows: what is held on the heap cannot be tested
 * against guessed passwords, nor matched between users. A remembered login counts only while
 * the user still exists, is enabled and unlocked, and has the same stored password as when it was
 * checked: removing a user, disabling it or changing its password takes effect at once. Logins
 * expire after {@code remembered}, and at most {@code capacity} are kept (the oldest go first).
 */
final class RememberedLogins implements AuthenticationProvider {

    private record Remembered(Authentication authentication, String storedPassword, Instant until) {
    }

    private final AuthenticationProvider checker;
    private final UserDetailsService users;
    private final Duration remembered;
    private final int capacity;
    private final Clock clock;
    private final SecretKeySpec key;
    /** In the order remembered, which with one lifetime for all is the order of expiry. */
    private final LinkedHashMap<String, Remembered> logins = new LinkedHashMap<>();

    RememberedLogins(AuthenticationProvider checker, UserDetailsService users, Duration remembered, int capacity,
                     Clock clock) {
        this.checker = checker;
        this.users = users;
        this.remembered = remembered;
        this.capacity = capacity;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request.getCredentials() instanceof String password)) {
            return checker.authenticate(request);
        }
        String login = mac(request.getName(), password);
        UserDetails user = current(request.getName());
        Instant now = clock.instant();
        synchronized (logins) {
            forgetExpired(now);
            Remembered known = logins.get(login);
            if (known != null && now.isBefore(known.until()) && user != null && stillValid(user, known)) {
                return known.authentication();
            }
            logins.remove(login);
        }
        Authentication checked = checker.authenticate(request);
        if (checked != null && checked.isAuthenticated() && user != null) {
            synchronized (logins) {
                logins.put(login, new Remembered(checked, user.getPassword(), now.plus(remembered)));
                while (logins.size() > capacity) {
                    Iterator<String> oldest = logins.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
        }
        return checked;
    }

    /** How many logins are remembered now, for tests. */
    int size() {
        synchronized (logins) {
            forgetExpired(clock.instant());
            return logins.size();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static boolean stillValid(UserDetails user, Remembered known) {
        return user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired()
                && user.isCredentialsNonExpired() && known.storedPassword().equals(user.getPassword());
    }

    private UserDetails current(String name) {
        try {
            return users.loadUserByUsername(name);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Remembered>> oldest = logins.entrySet().iterator();
        while (oldest.hasNext() && !now.isBefore(oldest.next().getValue().until())) {
            oldest.remove();
        }
    }

    private String mac(String user, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(user.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return HexFormat.of().formatHex(hmac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
