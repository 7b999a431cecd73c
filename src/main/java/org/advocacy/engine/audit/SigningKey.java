package org.advocacy.engine.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key that signs checkpoints, and the public keys that this installation trusts. The
 * database never holds the private half. A key is written as PEM: a PRIVATE KEY block (PKCS#8) and
 * a PUBLIC KEY block (X.509), which {@code openssl genpkey -algorithm ed25519 -out key.pem &&
 * openssl pkey -in key.pem -pubout >> key.pem} makes; the JDK cannot derive the public half from
 * the private one, so the file carries both, and they are checked against each other on load.
 */
public final class SigningKey {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String source;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey, String source) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.source = source;
        byte[] probe = "campaign-checkpoint key check".getBytes(StandardCharsets.UTF_8);
        if (!verifies(publicKey, probe, sign(probe))) {
            throw new IllegalArgumentException("the PUBLIC KEY of " + source + " is not the public half of its PRIVATE KEY");
        }
    }

    /** A new key that lives as long as this process: for a throw-away database only. */
    public static SigningKey ephemeral() {
        KeyPair pair = generate();
        return new SigningKey(pair.getPrivate(), pair.getPublic(), "a key made for this process only");
    }

    /** The key in this file; created (readable by its owner only) when the file does not exist yet. */
    public static SigningKey inFile(Path file, boolean createIfMissing) {
        try {
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new IllegalArgumentException("the signing key file " + file + " does not exist");
                }
                create(file);
            }
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException unreadable) {
            throw new IllegalStateException("the signing key file " + file + " cannot be read or written: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /** The key in this PEM text (a PRIVATE KEY and a PUBLIC KEY block). */
    public static SigningKey fromPem(String pem, String source) {
        Map<String, byte[]> blocks = blocks(pem);
        if (!blocks.containsKey("PRIVATE KEY") || !blocks.containsKey("PUBLIC KEY")) {
            throw new IllegalArgumentException(source + " must hold a PRIVATE KEY and a PUBLIC KEY block in PEM; add the "
                    + "public one with: openssl pkey -in key.pem -pubout >> key.pem");
        }
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            return new SigningKey(keys.generatePrivate(new PKCS8EncodedKeySpec(blocks.get("PRIVATE KEY"))),
                    publicKey(blocks.get("PUBLIC KEY")), source);
        } catch (GeneralSecurityException notEd25519) {
            throw new IllegalArgumentException(source + " does not hold an Ed25519 key: " + notEd25519.getMessage());
        }
    }

    /** Every PUBLIC KEY block in this text, as keys. */
    public static List<PublicKey> publicKeys(String pem) {
        List<PublicKey> keys = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals("PUBLIC KEY")) {
                keys.add(publicKey(Base64.getMimeDecoder().decode(matcher.group(2))));
            }
        }
        return keys;
    }

    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException notEd25519) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + notEd25519.getMessage());
        }
    }

    /** The key's id: SHA-256 of its public half (X.509 DER), hex. */
    public static String id(PublicKey key) {
        return HexFormat.of().formatHex(ChainHash.sha256(key.getEncoded()));
    }

    public static String pem(PublicKey key) {
        return block("PUBLIC KEY", key.getEncoded());
    }

    public static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(message);
            return check.verify(signature);
        } catch (GeneralSecurityException unusable) {
            return false;
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("Ed25519 signing failed", impossible);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String id() {
        return id(publicKey);
    }

    public String source() {
        return source;
    }

    Optional<PublicKey> matching(String keyId) {
        return id().equals(keyId) ? Optional.of(publicKey) : Optional.empty();
    }

    private static void create(Path file) throws IOException {
        KeyPair pair = generate();
        String pem = block("PRIVATE KEY", pair.getPrivate().getEncoded()) + block("PUBLIC KEY", pair.getPublic().getEncoded());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            return;
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", impossible);
        }
    }

    private static Map<String, byte[]> blocks(String pem) {
        Map<String, byte[]> blocks = new LinkedHashMap<>();
        Matcher matcher = BLOCK.matcher(pem == null ? "" : pem);
        while (matcher.find()) {
            blocks.putIfAbsent(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2)));
        }
        return blocks;
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
