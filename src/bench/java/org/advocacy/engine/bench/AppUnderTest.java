package org.advocacy.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.advocacy.engine.CampaignEngineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

/**
 * The app, started in this JVM as in production but for its users and its port: no {@code demo}
 * profile, users from {@code campaigns.security.users} (passwords equal to the names, as in the
 * tests), a random HTTP port, and either the PostgreSQL server that {@code SPRING_DATASOURCE_URL}
 * names or a throw-away embedded one. The embedded one keeps its files in a new temporary
 * directory of the harness, deleted when the app stops: the app's own throw-away mode (an empty
 * {@code campaigns.embedded-database.directory}) leaves the extracted PostgreSQL binaries behind
 * in the temporary folder (60 MB a start).
 */
final class AppUnderTest implements AutoCloseable {

    static final String MANAGER = "manager";
    static final String ADMIN = "admin";

    private final ConfigurableApplicationContext context;
    private final Path home;

    private AppUnderTest(ConfigurableApplicationContext context, Path home) {
        this.context = context;
        this.home = home;
    }

    /** The coordinator whom client {@code number} (from 1) signs in as. */
    static String coordinator(int number) {
        return number == 1 ? "coordinator" : "coordinator" + number;
    }

    static AppUnderTest start() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        Path home = null;
        if (!serverDatabase()) {
            home = Files.createTempDirectory("campaigns-bench-");
            arguments.add("--campaigns.embedded-database.directory=" + home.resolve("postgres"));
        }
        arguments.addAll(users());
        try {
            return new AppUnderTest(new SpringApplicationBuilder(CampaignEngineApplication.class)
                    .run(arguments.toArray(String[]::new)), home);
        } catch (RuntimeException failed) {
            if (home != null) {
                delete(home);
            }
            throw failed;
        }
    }

    /** Command-line properties for the benchmark's users: eight coordinators, a manager and an admin. */
    static List<String> users() {
        List<String> names = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (int client = 1; client <= 8; client++) {
            names.add(coordinator(client));
            roles.add("COORDINATOR");
        }
        names.add(MANAGER);
        roles.add("MANAGER");
        names.add(ADMIN);
        roles.add("ADMIN");
        List<String> arguments = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            String prefix = "--campaigns.security.users[" + index + "].";
            arguments.add(prefix + "name=" + names.get(index));
            arguments.add(prefix + "password={noop}" + names.get(index));
            arguments.add(prefix + "roles=" + roles.get(index));
        }
        return arguments;
    }

    static boolean serverDatabase() {
        return StringUtils.hasText(System.getenv("SPRING_DATASOURCE_URL"))
                || StringUtils.hasText(System.getProperty("spring.datasource.url"));
    }

    /** What the app runs on, without credentials. */
    String database() {
        return serverDatabase() ? "PostgreSQL server at " + context.getEnvironment().getProperty("spring.datasource.url")
                : "embedded PostgreSQL (zonky), a new data directory";
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    Api api(String user) {
        return new Api(port(), user);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    DataSource dataSource() {
        return bean(DataSource.class);
    }

    @Override
    public void close() throws IOException {
        context.close();
        if (home != null) {
            delete(home);
        }
    }

    /** Deletes a directory and everything in it. */
    static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
