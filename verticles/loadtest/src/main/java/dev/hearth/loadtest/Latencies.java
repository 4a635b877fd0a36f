package dev.hearth.loadtest;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;

/**
 * A snapshot of a {@link LatencyHistogram}: immutable, and subtractable, so the latencies
 * of the last second are the snapshot now minus the one a second ago.
 */
final class Latencies {
    static final Latencies EMPTY = new Latencies(new long[LatencyHistogram.BUCKETS], 0);

    private final long[] counts;
    private final long sumMicros;
    private final long count;

    Latencies(long[] counts, long sumMicros) {
        this.counts = counts;
        this.sumMicros = sumMicros;
        this.count = Arrays.stream(counts).sum();
    }

    long count() {
        return count;
    }

    /** The latency that {@code percent} of the samples do not exceed, in µs (0 with no samples). */
    long percentile(double percent) {
        if (count == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(count * percent / 100.0));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) return LatencyHistogram.highestIn(i);
        }
        return max();
    }

    long max() {
        for (int i = counts.length - 1; i >= 0; i--) {
            if (counts[i] > 0) return LatencyHistogram.highestIn(i);
        }
        return 0;
    }

    double meanMicros() {
        return count == 0 ? 0 : (double) sumMicros / count;
    }

    Latencies plus(Latencies other) {
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) sum[i] += other.counts[i];
        return new Latencies(sum, sumMicros + other.sumMicros);
    }

    Latencies minus(Latencies earlier) {
        long[] difference = counts.clone();
        for (int i = 0; i < difference.length; i++) difference[i] -= earlier.counts[i];
        return new Latencies(difference, sumMicros - earlier.sumMicros);
    }

    /** Milliseconds, for people: p50, p90, p99, p99.9, max and mean. */
    JsonObject toJson() {
        return new JsonObject()
                .put("count", count)
                .put("p50", millis(percentile(50)))
                .put("p90", millis(percentile(90)))
                .put("p99", millis(percentile(99)))
                .put("p999", millis(percentile(99.9)))
                .put("max", millis(max()))
                .put("mean", millis(Math.round(meanMicros())));
    }

    static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
