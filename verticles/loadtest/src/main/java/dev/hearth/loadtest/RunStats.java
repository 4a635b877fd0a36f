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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

    /** Replaced whole when the warm-up ends: what was counted before is not the run's. */
    private volatile Map<Action, PerAction> actions = freshActions();
    final LongAdder loggedIn = new LongAdder();
    /** From the login request to its token. */
    final LatencyHistogram logins = new LatencyHistogram();
    /** From opening the socket to the first room: hello, register, the world's welcome. */
    final LatencyHistogram entries = new LatencyHistogram();
    /** Bots in the world (and, with --rooms-of, placed): counted once each, when they are. */
    final LongAdder entered = new LongAdder();
    /** In the world now, on the socket they have now. */
    final AtomicInteger connected = new AtomicInteger();
    /** Bots that got into the world or gave up trying: when all have, the run plays. */
    final AtomicInteger settled = new AtomicInteger();
    final AtomicInteger peakConnected = new AtomicInteger();
    final LongAdder closedCleanly = new LongAdder();
    final LongAdder deliveries = new LongAdder();
    /** Replies {@code unknown_command} for a command the server's help does not list: not merged there yet. */
    final LongAdder unsupported = new LongAdder();
    /** With --rooms-of: bots in their bench room, and the time from their first room to it. */
    final LongAdder placed = new LongAdder();
    final LatencyHistogram placing = new LatencyHistogram();
    /** Bots whose walk went without a failure but did not end in their room (too few bench rooms seeded, or not from the tavern). */
    final LongAdder elsewhere = new LongAdder();
    /** The reconnect storm: bots that dropped their socket, that were back (resumed, or a first room on the new one), that failed to be. */
    final LongAdder dropped = new LongAdder();
    final LongAdder reconnected = new LongAdder();
    /** Of those back, how many the gateway resumed (the same session; the rest entered afresh). */
    final LongAdder resumed = new LongAdder();
    final LongAdder reconnectFailed = new LongAdder();
    /** From a bot's drop to being back: its session resumed and registered, or a first room on the new socket. */
    final LatencyHistogram reconnects = new LatencyHistogram();
    /** Commands in flight when their socket was dropped: never answered, and no error. */
    final LongAdder interrupted = new LongAdder();
    /** When the storm began (System.nanoTime), and when the last bot was back. */
    final AtomicLong dropNanos = new AtomicLong();
    final AtomicLong lastBackNanos = new AtomicLong();
    private final LongAdder errorCount = new LongAdder();
    private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sampled = new AtomicInteger();
    private final AtomicBoolean elsewhereLogged = new AtomicBoolean();

    private static Map<Action, PerAction> freshActions() {
        Map<Action, PerAction> fresh = new EnumMap<>(Action.class);
        for (Action action : Action.values()) fresh.put(action, new PerAction());
        return fresh;
    }

    /** The warm-up is over: commands are counted afresh (a reply to one sent before lands in the old counts). */
    void startMeasuring() {
        actions = freshActions();
    }

    PerAction of(Action action) {
        return actions.get(action);
    }

    /** In the world on a new socket (entering, or back after the drop). */
    void joined() {
        peakConnected.accumulateAndGet(connected.incrementAndGet(), Math::max);
    }

    void leftWorld() {
        connected.decrementAndGet();
    }

    void placed(long micros) {
        placed.increment();
        placing.record(micros);
    }

    /** Not an error (the walk went as the world is), but the run is not what was asked for: the first is logged. */
    void elsewhere(String bot, String room, String at) {
        elsewhere.increment();
        if (elsewhereLogged.compareAndSet(false, true)) {
            log.warn("{} walked towards {} but is in {}: are there enough bench rooms (BenchWorld.seedSql) and did it start in the tavern?", bot, room, at);
        }
    }

    /** A bot is back after the drop. */
    void back(long nowNanos, long micros) {
        reconnected.increment();
        reconnects.record(micros);
        lastBackNanos.accumulateAndGet(nowNanos, Math::max);
    }

    /** Bots dropped and not yet back (nor failed to be). */
    long away() {
        return dropped.sum() - reconnected.sum() - reconnectFailed.sum();
    }

    /** Seconds from the drop to the last bot back; 0 before any is. */
    double reconnectSeconds() {
        long last = lastBackNanos.get();
        return last == 0 ? 0 : (last - dropNanos.get()) / 1e9;
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
