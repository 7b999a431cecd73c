package org.advocacy.engine.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Requests sent with an {@code Idempotency-Key}: the first one runs, and its result is kept in the
 * same transaction as what it recorded; a retry with the same key (by the same user) gets that
 * result back without running again, and a reuse of the key for another request is refused (422).
 * The primary key of {@code idempotent_request} does the coordination: a retry that arrives while
 * the first attempt runs waits on it, then sees the first attempt's row, or none if it rolled back.
 */
@Component
@EnableConfigurationProperties(IdempotentRequests.IdempotencyProperties.class)
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** @param keep how long a key's first answer is kept; a retry after that runs again */
    @ConfigurationProperties("campaigns.idempotency")
    public record IdempotencyProperties(Duration keep) {
        public IdempotencyProperties {
            keep = keep == null ? Duration.ofHours(24) : keep;
        }
    }

    /**
     * What a request gave: the id of what it made (a campaign's), or null, and whether this
     * answer is the first one's, replayed.
     */
    public record Result(String value, boolean replayed) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IdempotencyProperties properties;

    IdempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactions, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    /**
     * Runs {@code request} once per key: with no key, simply runs it.
     *
     * @param key     the client's Idempotency-Key header, or null
     * @param request what identifies the request besides its body: its method and path
     * @param body    the request's body, compared as JSON whatever the order of its members
     * @param action  the request's work, in the transaction that keeps its result
     */
    public Result once(String key, String request, Object body, Supplier<String> action) {
        if (key == null) {
            return new Result(action.get(), false);
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw new BadRequest(HEADER + " must be 1 to 200 visible ASCII characters, such as a UUID");
        }
        String actor = Actors.current();
        String fingerprint = fingerprint(request, body);
        return transaction.execute(status -> {
            int claimed = jdbc.update("INSERT INTO idempotent_request (actor, key, fingerprint) VALUES (?, ?, ?)"
                    + " ON CONFLICT (actor, key) DO NOTHING", actor, key, fingerprint);
            if (claimed == 1) {
                String value = action.get();
                jdbc.update("UPDATE idempotent_request SET result = ? WHERE actor = ? AND key = ?", value, actor, key);
                return new Result(value, false);
            }
            List<String[]> first = jdbc.query("SELECT fingerprint, result FROM idempotent_request WHERE actor = ? AND key = ?",
                    (row, index) -> new String[] {row.getString(1), row.getString(2)}, actor, key);
            if (first.isEmpty()) {
                // kept no longer than a moment: removed by the clean-up between the insert and this read
                throw new Unprocessable(HEADER + " " + key + " has just expired; send the request with a new key");
            }
            if (!first.get(0)[0].equals(fingerprint)) {
                throw new Unprocessable(HEADER + " " + key + " was used for another request: a retry must send"
                        + " the same method, path and body, and a new request needs a new key");
            }
            return new Result(first.get(0)[1], true);
        });
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOldKeys() {
        int removed = jdbc.update("DELETE FROM idempotent_request WHERE created_at < now() - ?::interval",
                properties.keep().getSeconds() + " seconds");
        if (removed > 0) {
            log.debug("Forgot {} idempotency keys older than {}", removed, properties.keep());
        }
    }

    /** Tells a client that this answer is the first request's, given again. */
    public static org.springframework.http.HttpHeaders replayedHeader(Result result) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        if (result.replayed()) {
            headers.set("Idempotent-Replayed", "true");
        }
        return headers;
    }

    static String fingerprint(String request, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(request.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(CANONICAL.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
