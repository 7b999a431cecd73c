package org.advocacy.engine.platform;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in user, or the engine itself (timers, start-up). */
public final class Actors {

    /** The actor of steps that no user took, such as a timer that fired. */
    public static final String ENGINE = "engine";

    private Actors() {
    }

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? ENGINE : authentication.getName();
    }

    /** The current actor's roles, without Spring's ROLE_ prefix. */
    public static Set<String> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(role -> role.startsWith("ROLE_") ? role.substring(5) : role)
                .collect(Collectors.toUnmodifiableSet());
    }
}
