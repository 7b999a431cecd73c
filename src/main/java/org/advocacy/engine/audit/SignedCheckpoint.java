package org.advocacy.engine.audit;

/**
 * A checkpoint as a file kept outside the system, or carried by an evidence file: the statement
 * that was signed, the Ed25519 signature over its UTF-8 bytes (base64), and the public key that
 * made it (PEM; informative: what is trusted is decided by the installation that checks it).
 */
public record SignedCheckpoint(String statement, String signature, String publicKey) {
}
