package org.advocacy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.advocacy.engine.audit.MerkleTree.Head;
import org.junit.jupiter.api.Test;

/** The tree over campaigns' heads: RFC 6962's shape, and a proof for every leaf of every size. */
class MerkleTreeTest {

    private static List<Head> heads(int count) {
        return IntStream.range(0, count)
                .mapToObj(index -> new Head("campaign-" + (char) ('a' + index % 26) + index, index,
                        ChainHash.sha256(new byte[] {(byte) index})))
                .toList();
    }

    @Test
    void the_root_follows_rfc_6962_for_small_trees() {
        assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        List<Head> three = heads(3);
        byte[] a = MerkleTree.leafHash(three.get(0));
        byte[] b = MerkleTree.leafHash(three.get(1));
        byte[] c = MerkleTree.leafHash(three.get(2));
        assertThat(MerkleTree.root(three.subList(0, 1))).isEqualTo(a);
        // three leaves split at two: (a b) c
        assertThat(MerkleTree.root(three)).isEqualTo(node(node(a, b), c));
    }

    @Test
    void every_leaf_of_every_tree_up_to_33_leaves_is_proven_and_nothing_else_is() {
        for (int size = 1; size <= 33; size++) {
            List<Head> heads = heads(size);
            byte[] root = MerkleTree.root(heads);
            MerkleTree.Tree tree = new MerkleTree.Tree(heads);
            assertThat(tree.root()).isEqualTo(root);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.proof(index);
                assertThat(proof).usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(MerkleTree.proof(heads, index));
                assertThat(MerkleTree.includes(root, size, index, heads.get(index), proof)).as("%d of %d", index, size)
                        .isTrue();
                Head other = heads.get(index);
                assertThat(MerkleTree.includes(root, size, index, new Head(other.campaignId(), other.sequence() + 1,
                        other.hash()), proof)).as("a head with another sequence").isFalse();
                assertThat(MerkleTree.includes(MerkleTree.root(heads(size + 1)), size + 1, index, other, proof))
                        .as("another tree's root").isFalse();
                assertThat(MerkleTree.includes(root, size, size, other, proof)).as("a place beyond the tree").isFalse();
                if (size > 1) {
                    assertThat(MerkleTree.includes(root, size, (index + 1) % size, other, proof)).as("another place")
                            .isFalse();
                    List<byte[]> shorter = new ArrayList<>(proof.subList(0, proof.size() - 1));
                    assertThat(MerkleTree.includes(root, size, index, other, shorter)).as("a shortened proof").isFalse();
                }
            }
        }
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] joined = new byte[65];
        joined[0] = 1;
        System.arraycopy(left, 0, joined, 1, 32);
        System.arraycopy(right, 0, joined, 33, 32);
        return ChainHash.sha256(joined);
    }
}
