package org.advocacy.engine.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.advocacy.engine.platform.SecurityConfiguration.SecurityProperties;
import org.springframework.stereotype.Component;

/** The configured users by name and role: whom a manager may give a task to. */
@Component
public class UserDirectory {

    private final SecurityProperties properties;

    UserDirectory(SecurityProperties properties) {
        this.properties = properties;
    }

    public Optional<Set<String>> rolesOf(String name) {
        return properties.users().stream().filter(user -> user.name().equals(name)).findFirst()
                .map(user -> Set.copyOf(user.roles()));
    }

    /** The users who hold {@code role}, by name. */
    public List<String> withRole(String role) {
        return properties.users().stream().filter(user -> user.roles().contains(role))
                .map(SecurityConfiguration.UserEntry::name).sorted().toList();
    }
}
