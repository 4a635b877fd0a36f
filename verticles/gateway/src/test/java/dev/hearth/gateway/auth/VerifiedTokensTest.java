package dev.hearth.gateway.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembered tokens answer until they expire, and the least recently used go first when full. */
class VerifiedTokensTest {
    private static final PlayerIdentity ALICE = new PlayerIdentity(1, "Alice");
    private static final PlayerIdentity BOB = new PlayerIdentity(2, "Bob");

    @Test
    void aTokenIsKnownUntilItExpiresAndThenForgotten() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.remember("a.b.c", ALICE, 1_000);

        assertThat(tokens.identity("a.b.c", 999)).isEqualTo(ALICE);
        assertThat(tokens.identity("a.b.c", 1_000)).as("expired").isNull();
        assertThat(tokens.size()).isZero();
        assertThat(tokens.identity("x.y.z", 0)).as("never seen").isNull();
    }

    @Test
    void whenFullTheLeastRecentlyUsedIsForgotten() {
        VerifiedTokens tokens = new VerifiedTokens(2);
        tokens.remember("alice", ALICE, 1_000);
        tokens.remember("bob", BOB, 1_000);
        tokens.identity("alice", 0); // Alice is used again, so Bob is the eldest
        tokens.remember("carol", new PlayerIdentity(3, "Carol"), 1_000);

        assertThat(tokens.identity("alice", 0)).isEqualTo(ALICE);
        assertThat(tokens.identity("bob", 0)).isNull();
        assertThat(tokens.size()).isEqualTo(2);
    }
}
