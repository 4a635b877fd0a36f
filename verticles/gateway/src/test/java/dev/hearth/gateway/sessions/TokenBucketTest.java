package dev.hearth.gateway.sessions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenRefusesUntilItRefills() {
        TokenBucket bucket = new TokenBucket();
        int allowed = 0;
        for (int i = 0; i < 50; i++) if (bucket.take(10, 20, 0)) allowed++;
        assertThat(allowed).isEqualTo(20);
        assertThat(bucket.take(10, 20, SECOND / 20)).isFalse(); // half a token so far
        assertThat(bucket.take(10, 20, SECOND / 10)).isTrue();  // one whole token
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket();
        bucket.take(10, 20, 0);
        int allowed = 0;
        for (int i = 0; i < 100; i++) if (bucket.take(10, 20, 3600 * SECOND)) allowed++;
        assertThat(allowed).isEqualTo(20);
    }

    @Test
    void aLowerRateAppliesAtOnce() {
        TokenBucket bucket = new TokenBucket();
        for (int i = 0; i < 40; i++) bucket.take(20, 40, 0);
        assertThat(bucket.take(1, 2, SECOND / 2)).isFalse();
        assertThat(bucket.take(1, 2, SECOND)).isTrue();
    }
}
