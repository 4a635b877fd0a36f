package dev.hearth.loadtest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything a run counts, written from every event loop at once (adders, atomics) and
 * read by the progress line and the summary.
 */
final class RunStats {
    private static final Logger log = LoggerFactory.getLogger(RunStats.class);
    /** Error details kept for the summary (and logged); the rest are only counted. */
    private static final int SAMPLES = 20;

    /** One command's numbers. */
    static final class PerAction {
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LatencyHistogram latency = new LatencyHistogram();
    }

    private final Map<Action, PerAction> actions = new EnumMap<>(Action.class);
    final LongAdder loggedIn = new LongAdder();
    /** From the login request to its token. */
    final LatencyHistogram logins = new LatencyHistogram();
    /** From opening the socket to the first room: hello, register, the world's welcome. */
    final LatencyHistogram entries = new LatencyHistogram();
    final LongAdder entered = new LongAdder();
    final AtomicInteger connected = new AtomicInteger();
    /** Bots that got into the world or gave up trying: when all have, the run plays. */
    final AtomicInteger settled = new AtomicInteger();
    final AtomicInteger peakConnected = new AtomicInteger();
    final LongAdder closedCleanly = new LongAdder();
    final LongAdder deliveries = new LongAdder();
    /** Replies {@code unknown_command} for a command the server's help does not list: not merged there yet. */
    final LongAdder unsupported = new LongAdder();
    private final LongAdder errorCount = new LongAdder();
    private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sampled = new AtomicInteger();

    RunStats() {
        for (Action action : Action.values()) actions.put(action, new PerAction());
    }

    PerAction of(Action action) {
        return actions.get(action);
    }

    void enteredWorld() {
        entered.increment();
        peakConnected.accumulateAndGet(connected.incrementAndGet(), Math::max);
    }

    void leftWorld() {
        connected.decrementAndGet();
    }

    /** A failure the run must report: {@code kind} groups them in the summary, {@code detail} says what happened. */
    void error(String kind, String bot, String detail) {
        errorCount.increment();
        errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (sampled.getAndIncrement() < SAMPLES) {
            String sample = bot + ": " + kind + ": " + detail;
            samples.add(sample);
            log.warn("{}", sample);
        }
    }

    long errors() {
        return errorCount.sum();
    }

    Map<String, Long> errorsByKind() {
        Map<String, Long> sorted = new TreeMap<>();
        errorsByKind.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    List<String> errorSamples() {
        return new ArrayList<>(samples);
    }

    long answered() {
        long total = 0;
        for (PerAction action : actions.values()) total += action.ok.sum() + action.refused.sum();
        return total;
    }

    /** Every command's latencies together. */
    Latencies latencies() {
        Latencies all = Latencies.EMPTY;
        for (PerAction action : actions.values()) all = all.plus(action.latency.snapshot());
        return all;
    }
}
