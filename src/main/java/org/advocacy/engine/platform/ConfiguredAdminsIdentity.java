package org.advocacy.engine.platform;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.advocacy.engine.platform.SecurityConfiguration.SecurityProperties;
import org.advocacy.engine.platform.SecurityConfiguration.UserEntry;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's identity, read-only, over our configured ADMIN users, who are members of
 * {@code camunda-admin}. Camunda's webapps (7.24) look the signed-in user up there and fail with a
 * NullPointerException when it is missing; reading it from {@code campaigns.security.users}
 * instead of Camunda's tables means no user is ever written to Camunda and nobody has a Camunda
 * password: {@link #checkPassword} always refuses, so Camunda's own login form lets nobody in, and
 * Camunda Admin can neither create users nor offer its first-user setup (the identity is read-only).
 * Only the ADMIN users exist here because only they may open the webapps.
 */
final class ConfiguredAdminsIdentity implements ReadOnlyIdentityProvider, SessionFactory {

    private final List<User> admins;
    private final Group adminGroup;

    ConfiguredAdminsIdentity(SecurityProperties properties) {
        this.admins = properties.users().stream().filter(user -> user.roles().contains("ADMIN"))
                .map(ConfiguredAdminsIdentity::camundaUser).toList();
        GroupEntity group = new GroupEntity(Groups.CAMUNDA_ADMIN);
        group.setName("Campaign engine administrators");
        group.setType(Groups.GROUP_TYPE_SYSTEM);
        this.adminGroup = group;
    }

    /** Makes this the engine's identity in place of its database tables. */
    static AbstractProcessEnginePlugin plugin(SecurityProperties properties) {
        ConfiguredAdminsIdentity identity = new ConfiguredAdminsIdentity(properties);
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setIdentityProviderSessionFactory(identity);
            }
        };
    }

    private static User camundaUser(UserEntry entry) {
        UserEntity user = new UserEntity(entry.name());
        user.setFirstName(entry.name());
        user.setLastName(""); // Cockpit shows "first last", and "null" otherwise
        return user;
    }

    // The provider holds no per-command state, so one instance serves every command context.

    @Override
    public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
    }

    @Override
    public Session openSession() {
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Passwords are Spring Security's business; Camunda's login must never succeed. */
    @Override
    public boolean checkPassword(String userId, String password) {
        return false;
    }

    @Override
    public User findUserById(String userId) {
        return admins.stream().filter(user -> user.getId().equals(userId)).findFirst().orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new AdminUsers(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired(), admins);
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new AdminUsers(null, admins);
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("native user queries are not supported: users come from the configuration");
    }

    @Override
    public Group findGroupById(String groupId) {
        return adminGroup.getId().equals(groupId) ? adminGroup : null;
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new AdminGroup(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired(), adminGroup, admins);
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new AdminGroup(null, adminGroup, admins);
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenants(null);
    }

    private static boolean equal(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }

    /** Camunda's like patterns use % as the wildcard; matching ignores case, as its SQL does. */
    private static boolean like(String pattern, String value) {
        if (pattern == null) {
            return true;
        }
        String regex = Arrays.stream(pattern.split("%", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return value != null && Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                .matcher(value).matches();
    }

    private static boolean among(String[] wanted, String value) {
        return wanted == null || Arrays.asList(wanted).contains(value);
    }

    private static <T> List<T> page(Stream<T> results, Page page) {
        return page == null ? results.toList()
                : results.skip(page.getFirstResult()).limit(page.getMaxResults()).toList();
    }

    /** Nobody is a potential starter or a tenant member: those are never configured. */
    private static final class AdminUsers extends UserQueryImpl {

        private final List<User> admins;

        AdminUsers(CommandExecutor executor, List<User> admins) {
            super(executor);
            this.admins = admins;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matching(), page);
        }

        private Stream<User> matching() {
            return admins.stream().filter(user -> equal(id, user.getId()) && among(ids, user.getId())
                    && equal(firstName, user.getFirstName()) && like(firstNameLike, user.getFirstName())
                    && equal(lastName, user.getLastName()) && like(lastNameLike, user.getLastName())
                    && equal(email, user.getEmail()) && like(emailLike, user.getEmail())
                    && equal(groupId, Groups.CAMUNDA_ADMIN) && procDefId == null && tenantId == null);
        }
    }

    private static final class AdminGroup extends GroupQueryImpl {

        private final Group group;
        private final List<User> members;

        AdminGroup(CommandExecutor executor, Group group, List<User> members) {
            super(executor);
            this.group = group;
            this.members = members;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matching(), page);
        }

        private Stream<Group> matching() {
            boolean member = userId == null || members.stream().anyMatch(user -> user.getId().equals(userId));
            return Stream.of(group).filter(candidate -> equal(id, candidate.getId()) && among(ids, candidate.getId())
                    && equal(name, candidate.getName()) && like(nameLike, candidate.getName())
                    && equal(type, candidate.getType()) && member && procDefId == null && tenantId == null);
        }
    }

    private static final class NoTenants extends TenantQueryImpl {

        NoTenants(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
