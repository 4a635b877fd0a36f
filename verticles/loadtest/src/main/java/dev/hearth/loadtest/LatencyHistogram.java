package dev.hearth.loadtest;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies in microseconds, counted in log-linear buckets as HdrHistogram does: values
 * under 128 µs exactly, larger ones to within 1/64 of their value (under 1.6%), so p99.9
 * of a million samples costs 2,000 counters, not a sorted million. Safe to record into
 * from every event loop at once; {@link #snapshot()} reads it without stopping them.
 */
final class LatencyHistogram {
    /** Values below 2^SUB_BITS get a bucket each; every power of two above gets 2^(SUB_BITS-1). */
    static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int HALF = SUB_COUNT / 2;
    /** 2^36 µs is 19 hours: longer than any run, so nothing real is clamped. */
    private static final int MAX_BITS = 36;
    static final long MAX_VALUE = (1L << MAX_BITS) - 1;
    static final int BUCKETS = SUB_COUNT + (MAX_BITS - SUB_BITS) * HALF;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder sum = new LongAdder();

    void record(long micros) {
        long value = Math.clamp(micros, 0, MAX_VALUE);
        counts.incrementAndGet(index(value));
        sum.add(value);
    }

    Latencies snapshot() {
        long[] copy = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) copy[i] = counts.get(i);
        return new Latencies(copy, sum.sum());
    }

    static int index(long value) {
        if (value < SUB_COUNT) return (int) value;
        int shift = 64 - Long.numberOfLeadingZeros(value) - SUB_BITS; // 1 for [128, 256), 2 for [256, 512)...
        int sub = (int) (value >>> shift); // in [HALF, SUB_COUNT)
        return SUB_COUNT + (shift - 1) * HALF + (sub - HALF);
    }

    /** The largest value that lands in bucket {@code index}: what a percentile reports, as HdrHistogram does. */
    static long highestIn(int index) {
        if (index < SUB_COUNT) return index;
        int shift = (index - SUB_COUNT) / HALF + 1;
        long sub = (index - SUB_COUNT) % HALF + HALF;
        return ((sub + 1) << shift) - 1;
    }
}
