package dev.hearth.loadtest;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void valuesUnder128MicrosecondsAreCountedExactly() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 100; micros++) histogram.record(micros);
        Latencies latencies = histogram.snapshot();
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentile(50)).isEqualTo(50);
        assertThat(latencies.percentile(99)).isEqualTo(99);
        assertThat(latencies.max()).isEqualTo(100);
        assertThat(latencies.meanMicros()).isCloseTo(50.5, within(1e-9));
    }

    @Test
    void percentilesOfLargeValuesAreWithinTwoPercentOfTheTrueOnes() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 1_000_000; micros++) histogram.record(micros);
        Latencies latencies = histogram.snapshot();
        assertThat((double) latencies.percentile(50)).isCloseTo(500_000, within(500_000 * 0.016));
        assertThat((double) latencies.percentile(99)).isCloseTo(990_000, within(990_000 * 0.016));
        assertThat((double) latencies.percentile(99.9)).isCloseTo(999_000, within(999_000 * 0.016));
        assertThat(latencies.percentile(99)).isGreaterThanOrEqualTo(990_000); // a percentile never understates
    }

    @Test
    void everyValueLandsInABucketWhoseHighestValueIsAtLeastIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong(LatencyHistogram.MAX_VALUE + 1);
            int index = LatencyHistogram.index(value);
            assertThat(index).isBetween(0, LatencyHistogram.BUCKETS - 1);
            long highest = LatencyHistogram.highestIn(index);
            assertThat(highest).isGreaterThanOrEqualTo(value);
            assertThat((double) highest - value).isLessThanOrEqualTo(Math.max(1, value / 64.0));
            assertThat(LatencyHistogram.index(highest)).isEqualTo(index);
        }
    }

    @Test
    void negativeAndHugeValuesAreClampedNotLost() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        histogram.record(Long.MAX_VALUE);
        Latencies latencies = histogram.snapshot();
        assertThat(latencies.count()).isEqualTo(2);
        assertThat(latencies.percentile(50)).isZero();
        assertThat(latencies.max()).isEqualTo(LatencyHistogram.MAX_VALUE);
    }

    @Test
    void aSnapshotMinusAnEarlierOneHoldsWhatCameBetween() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 1000; i++) histogram.record(10);
        Latencies earlier = histogram.snapshot();
        for (int i = 0; i < 10; i++) histogram.record(5_000);
        Latencies between = histogram.snapshot().minus(earlier);
        assertThat(between.count()).isEqualTo(10);
        assertThat((double) between.percentile(50)).isCloseTo(5_000, within(5_000 * 0.016));
        assertThat(earlier.plus(between).count()).isEqualTo(1010);
        assertThat(Latencies.EMPTY.percentile(99)).isZero();
    }
}
