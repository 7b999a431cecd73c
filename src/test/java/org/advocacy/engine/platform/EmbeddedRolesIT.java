package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.advocacy.engine.CampaignEngineApplication;
import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.Superuser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default keeps its data directory across starts: a database that an earlier version
 * set up as the superuser (everything owned by postgres) is taken over by the least-privilege
 * roles at the next start, with its campaigns; the signing key made on first start, beside the
 * database's directory, is the one used at every start after.
 */
class EmbeddedRolesIT {

    @TempDir
    Path data;

    @Test
    void a_database_that_the_superuser_owned_moves_to_the_owner_and_app_roles_and_keeps_its_campaigns() throws Exception {
        String campaign;
        String keyId;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = api(first);
            campaign = new HttpCampaigns(api).launchFollowUp("Kept across starts", HttpCampaigns.PUBLISHED_ON);
            keyId = api.get("manager", "/api/checkpoints/key").body().get("id").asText();
            assertThat(api.post("manager", "/api/checkpoints", "").status()).isEqualTo(201);
        }
        // as an earlier version left it: every table, sequence, function and the schema the superuser's
        try (EmbeddedPostgres stopped = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(data.resolve("postgres-runtime").toFile())
                .start()) {
            Superuser.jdbc(stopped).execute("""
                    DO $$
                    DECLARE object RECORD;
                    BEGIN
                        FOR object IN SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
                                       AND relkind IN ('r', 'v') LOOP
                            EXECUTE format('ALTER TABLE %I OWNER TO postgres', object.relname);
                        END LOOP;
                        FOR object IN SELECT oid::regprocedure AS signature FROM pg_proc
                                       WHERE pronamespace = 'public'::regnamespace LOOP
                            EXECUTE format('ALTER ROUTINE %s OWNER TO postgres', object.signature);
                        END LOOP;
                        ALTER SCHEMA public OWNER TO postgres;
                    END $$""");
        }
        Path key = data.resolve("signing-key.pem");
        assertThat(key).exists();
        assertThat(key.startsWith(data.resolve("postgres"))).isFalse();

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = api(second);
            JdbcTemplate superuser = Superuser.jdbc(second.getBean(EmbeddedPostgres.class));
            assertThat(superuser.queryForList("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename NOT LIKE 'act\\_%'", String.class)).containsExactly("campaigns_owner");
            assertThat(superuser.queryForList("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename LIKE 'act\\_%'", String.class)).containsExactly("campaigns_app");
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("SELECT current_user", String.class))
                    .isEqualTo("campaigns_app");

            assertThat(api.get("manager", "/api/checkpoints/key").body().get("id").asText()).isEqualTo(keyId);
            assertThat(api.get("manager", "/api/campaigns/" + campaign + "/verify").body().get("valid").asBoolean())
                    .isTrue();
            new HttpCampaigns(api).step(campaign, "draft-hrc-resolution", HttpCampaigns.DRAFT_HRC);
            assertThat(new HttpCampaigns(api).activeTaskKeys(campaign)).contains("record-hrc-vote");
            assertThat(api.post("manager", "/api/checkpoints", Map.of()).status()).isEqualTo(201);
        }
        assertThat(Files.readString(key)).contains("PRIVATE KEY");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CampaignEngineApplication.class).run("--spring.profiles.active=test",
                "--server.port=0", "--campaigns.embedded-database.directory=" + data.resolve("postgres"));
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
