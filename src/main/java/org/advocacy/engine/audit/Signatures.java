package org.advocacy.engine.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * This installation's signing key and the public keys it trusts. The key comes from
 * {@code campaigns.signing.key-file} (env CAMPAIGNS_SIGNING_KEY_FILE) or {@code campaigns.signing.key}
 * (env CAMPAIGNS_SIGNING_KEY: the PEM text, or that text in base64 on one line). With neither, the
 * embedded database's installation makes one on first start beside the database's directory (not
 * inside it), and a throw-away database gets one for the process; an installation on a configured
 * database server refuses to start without one. Trusted: this key, and every public key named in
 * {@code campaigns.signing.trusted-keys} (PEM text or a file of PUBLIC KEY blocks): earlier keys of
 * this installation after a rotation, and the keys of installations whose evidence is imported.
 */
@Component
@EnableConfigurationProperties(Signatures.SigningProperties.class)
public class Signatures {

    private static final Logger log = LoggerFactory.getLogger(Signatures.class);

    @ConfigurationProperties("campaigns.signing")
    public record SigningProperties(String keyFile, String key, List<String> trustedKeys) {
    }

    private final SigningKey key;
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    Signatures(SigningProperties properties, Environment environment) {
        this.key = load(properties, environment);
        trusted.put(key.id(), key.publicKey());
        for (String entry : properties.trustedKeys() == null ? List.<String>of() : properties.trustedKeys()) {
            for (PublicKey publicKey : SigningKey.publicKeys(pemOf(entry))) {
                trusted.putIfAbsent(SigningKey.id(publicKey), publicKey);
            }
        }
        log.info("Checkpoints are signed with the Ed25519 key {} ({}); {} key(s) trusted", key.id(), key.source(),
                trusted.size());
    }

    public SigningKey key() {
        return key;
    }

    /** The trusted key with this id, if it is one. */
    public Optional<PublicKey> trusted(String keyId) {
        return Optional.ofNullable(trusted.get(keyId));
    }

    public List<String> trustedIds() {
        return new ArrayList<>(trusted.keySet());
    }

    private static SigningKey load(SigningProperties properties, Environment environment) {
        if (StringUtils.hasText(properties.keyFile())) {
            return SigningKey.inFile(Path.of(properties.keyFile()), false);
        }
        if (StringUtils.hasText(properties.key())) {
            String text = properties.key().contains("-----BEGIN") ? properties.key()
                    : new String(Base64.getMimeDecoder().decode(properties.key().trim()), StandardCharsets.US_ASCII);
            return SigningKey.fromPem(text, "campaigns.signing.key");
        }
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException("No checkpoint signing key: set CAMPAIGNS_SIGNING_KEY_FILE (or "
                    + "campaigns.signing.key-file) to a PEM file that holds an Ed25519 PRIVATE KEY and its PUBLIC KEY; "
                    + "make one with: openssl genpkey -algorithm ed25519 -out signing-key.pem "
                    + "&& openssl pkey -in signing-key.pem -pubout >> signing-key.pem");
        }
        String directory = environment.getProperty("campaigns.embedded-database.directory");
        if (!StringUtils.hasText(directory)) {
            log.warn("The embedded database is thrown away at exit, and so is this process's signing key");
            return SigningKey.ephemeral();
        }
        Path database = Path.of(directory).toAbsolutePath();
        return SigningKey.inFile(database.resolveSibling("signing-key.pem"), true);
    }

    private static String pemOf(String entry) {
        if (entry.contains("-----BEGIN")) {
            return entry;
        }
        try {
            return Files.readString(Path.of(entry), StandardCharsets.US_ASCII);
        } catch (IOException unreadable) {
            throw new IllegalStateException("campaigns.signing.trusted-keys names " + entry
                    + ", which is neither PEM text nor a readable file: " + unreadable.getMessage(), unreadable);
        }
    }
}
