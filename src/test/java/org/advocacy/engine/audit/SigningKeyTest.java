package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key: made once on first start, readable by its owner only, the same key at every start after. */
class SigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void a_key_file_is_made_once_for_its_owner_only_and_read_back_at_every_start() throws Exception {
        Path file = directory.resolve("data").resolve("signing-key.pem");
        SigningKey made = SigningKey.inFile(file, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
        SigningKey again = SigningKey.inFile(file, true);
        assertThat(again.id()).isEqualTo(made.id()).hasSize(64);
        byte[] message = "campaign-checkpoint/1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(SigningKey.verifies(made.publicKey(), message, again.sign(message))).isTrue();
        assertThat(SigningKey.verifies(SigningKey.ephemeral().publicKey(), message, again.sign(message))).isFalse();
    }

    @Test
    void a_missing_file_that_is_not_to_be_made_or_a_key_without_its_public_half_is_refused() throws Exception {
        assertThatThrownBy(() -> SigningKey.inFile(directory.resolve("absent.pem"), false))
                .hasMessageContaining("does not exist");
        Path file = directory.resolve("key.pem");
        SigningKey.inFile(file, true);
        String privateOnly = Files.readString(file).replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
        assertThatThrownBy(() -> SigningKey.fromPem(privateOnly, "the test key"))
                .hasMessageContaining("openssl pkey -in key.pem -pubout >> key.pem");
        String mismatched = privateOnly + SigningKey.pem(SigningKey.ephemeral().publicKey());
        assertThatThrownBy(() -> SigningKey.fromPem(mismatched, "the test key"))
                .hasMessageContaining("is not the public half");
    }
}
