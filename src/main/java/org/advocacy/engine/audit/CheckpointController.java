package org.advocacy.engine.audit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.advocacy.engine.audit.Checkpoints.Checkpoint;
import org.advocacy.engine.audit.Checkpoints.Reason;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.platform.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed checkpoints (MANAGER, ADMIN): listed newest first, made on demand, and each one as a
 * file to keep outside the system, as its statement and signature for standard tools, and with
 * the heads it covers; the signing key's public half for any signed-in user.
 */
@RestController
class CheckpointController {

    private static final int LARGEST_PAGE = 1000;

    /** The key that signs, and the keys that this installation trusts. */
    record KeyInfo(String id, String publicKey, List<String> trusted) {
    }

    /** A campaign's head as a checkpoint covered it, in the tree's order. */
    record HeadInfo(String campaignId, long sequence, String hash) {
    }

    private final Checkpoints checkpoints;
    private final Signatures signatures;

    CheckpointController(Checkpoints checkpoints, Signatures signatures) {
        this.checkpoints = checkpoints;
        this.signatures = signatures;
    }

    @GetMapping("/api/checkpoints")
    ResponseEntity<List<Checkpoint>> list(@RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        int offset = Paging.offset(page, size, LARGEST_PAGE);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(checkpoints.count()))
                .body(checkpoints.list(offset, size));
    }

    @PostMapping("/api/checkpoints")
    ResponseEntity<Checkpoint> create() {
        Checkpoint made = checkpoints.create(Reason.DEMAND, Actors.current());
        return ResponseEntity.created(URI.create("/api/checkpoints/" + made.id())).body(made);
    }

    @GetMapping("/api/checkpoints/{id}")
    Checkpoint checkpoint(@PathVariable long id) {
        return found(id);
    }

    /** The checkpoint as a small file to keep: what {@code POST /api/campaigns/{id}/verify} takes back. */
    @GetMapping("/api/checkpoints/{id}/file")
    ResponseEntity<SignedCheckpoint> file(@PathVariable long id) {
        return checkpoints.download(id);
    }

    /** The signed statement, byte for byte. */
    @GetMapping(value = "/api/checkpoints/{id}/statement", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<byte[]> statement(@PathVariable long id) {
        return attachment("checkpoint-" + id + ".txt", MediaType.TEXT_PLAIN,
                found(id).statement().getBytes(StandardCharsets.UTF_8));
    }

    /** The raw Ed25519 signature (64 bytes) over the statement. */
    @GetMapping(value = "/api/checkpoints/{id}/signature", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> signature(@PathVariable long id) {
        return attachment("checkpoint-" + id + ".sig", MediaType.APPLICATION_OCTET_STREAM,
                Base64.getDecoder().decode(found(id).signature()));
    }

    /** Every campaign's head as the checkpoint covered it, from which anyone can recompute its root. */
    @GetMapping("/api/checkpoints/{id}/heads")
    List<HeadInfo> heads(@PathVariable long id) {
        found(id);
        return checkpoints.headsAsOf(id).stream()
                .map(head -> new HeadInfo(head.campaignId(), head.sequence(), HexFormat.of().formatHex(head.hash())))
                .toList();
    }

    @GetMapping("/api/checkpoints/key")
    KeyInfo key() {
        return new KeyInfo(signatures.key().id(), SigningKey.pem(signatures.key().publicKey()), signatures.trustedIds());
    }

    /** The public key as a PEM file, for {@code openssl pkeyutl -verify -pubin -inkey}. */
    @GetMapping(value = "/api/checkpoints/key.pem", produces = "application/x-pem-file")
    ResponseEntity<byte[]> keyPem() {
        return attachment("signing-key.pub.pem", MediaType.parseMediaType("application/x-pem-file"),
                SigningKey.pem(signatures.key().publicKey()).getBytes(StandardCharsets.US_ASCII));
    }

    private Checkpoint found(long id) {
        return checkpoints.find(id).orElseThrow(() -> new NotFound("no checkpoint has the id " + id));
    }

    private static ResponseEntity<byte[]> attachment(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
