package org.advocacy.engine.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Merkle tree over the heads of every campaign's chain, built as Certificate Transparency builds
 * its logs (RFC 6962, section 2.1): a leaf is SHA-256(0x00 || leaf), a node SHA-256(0x01 || left ||
 * right), and a tree of n leaves splits at the largest power of two below n. An inclusion proof is
 * the list of sibling hashes from the leaf up to the root, so one campaign's head can be checked
 * against a checkpoint's signed root without the heads of the others.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** One campaign's head: its newest sequence number and that event's hash. */
    public record Head(String campaignId, long sequence, byte[] hash) {
        /** The leaf's bytes: the campaign id (length-prefixed UTF-8), the sequence (8 bytes), the hash. */
        byte[] leaf() {
            byte[] id = campaignId.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(4 + id.length + 8 + hash.length).putInt(id.length).put(id).putLong(sequence)
                    .put(hash).array();
        }
    }

    public static byte[] leafHash(Head head) {
        byte[] leaf = head.leaf();
        byte[] prefixed = new byte[leaf.length + 1];
        System.arraycopy(leaf, 0, prefixed, 1, leaf.length);
        return ChainHash.sha256(prefixed);
    }

    /** The root over the heads in the order given (callers sort them by campaign id); empty: SHA-256 of nothing. */
    public static byte[] root(List<Head> heads) {
        return new Tree(heads).root();
    }

    /** The sibling hashes that lead from leaf {@code index} to the root of the tree over {@code heads}. */
    public static List<byte[]> proof(List<Head> heads, int index) {
        return new Tree(heads).proof(index);
    }

    /** One tree, for many proofs: each subtree's root is computed once. */
    public static final class Tree {
        private final List<byte[]> leaves;
        private final Map<Long, byte[]> subtrees = new HashMap<>();

        public Tree(List<Head> heads) {
            this.leaves = heads.stream().map(MerkleTree::leafHash).toList();
        }

        public byte[] root() {
            return subtree(0, leaves.size());
        }

        public List<byte[]> proof(int index) {
            if (index < 0 || index >= leaves.size()) {
                throw new IllegalArgumentException("no leaf " + index + " in a tree of " + leaves.size());
            }
            List<byte[]> path = new ArrayList<>();
            collect(index, 0, leaves.size(), path);
            return path;
        }

        private void collect(int index, int from, int to, List<byte[]> path) {
            int size = to - from;
            if (size <= 1) {
                return;
            }
            int split = largestPowerOfTwoBelow(size);
            if (index < from + split) {
                collect(index, from, from + split, path);
                path.add(subtree(from + split, to));
            } else {
                collect(index, from + split, to, path);
                path.add(subtree(from, from + split));
            }
        }

        private byte[] subtree(int from, int to) {
            int size = to - from;
            if (size == 0) {
                return ChainHash.sha256(new byte[0]);
            }
            if (size == 1) {
                return leaves.get(from);
            }
            Long key = ((long) from << 32) | to;
            byte[] known = subtrees.get(key);
            if (known == null) {
                int split = largestPowerOfTwoBelow(size);
                known = node(subtree(from, from + split), subtree(from + split, to));
                subtrees.put(key, known);
            }
            return known;
        }
    }

    /** Whether the proof leads from this head, leaf {@code index} of a tree of {@code size}, to {@code root}. */
    public static boolean includes(byte[] root, int size, int index, Head head, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            return false;
        }
        byte[][] remaining = proof.toArray(new byte[0][]);
        int[] used = {0};
        byte[] computed = climb(leafHash(head), index, size, remaining, used);
        return computed != null && used[0] == remaining.length && Arrays.equals(computed, root);
    }

    /** The hash of the subtree of {@code size} leaves that holds {@code leaf} at {@code index}, from the proof's tail. */
    private static byte[] climb(byte[] leaf, int index, int size, byte[][] proof, int[] used) {
        if (size == 1) {
            return leaf;
        }
        int split = largestPowerOfTwoBelow(size);
        byte[] below = index < split
                ? climb(leaf, index, split, proof, used)
                : climb(leaf, index - split, size - split, proof, used);
        if (below == null || used[0] >= proof.length) {
            return null;
        }
        byte[] sibling = proof[used[0]++];
        return index < split ? node(below, sibling) : node(sibling, below);
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] joined = new byte[1 + left.length + right.length];
        joined[0] = 1;
        System.arraycopy(left, 0, joined, 1, left.length);
        System.arraycopy(right, 0, joined, 1 + left.length, right.length);
        return ChainHash.sha256(joined);
    }

    private static int largestPowerOfTwoBelow(int size) {
        return Integer.highestOneBit(size - 1);
    }
}
