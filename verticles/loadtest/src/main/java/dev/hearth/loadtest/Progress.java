package dev.hearth.loadtest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The live line, once a second: the phase (entering, playing, or reconnecting while bots of
 * the storm are not back), connected bots, entered so far, commands answered and events
 * delivered in the last second, that second's command p50 and p99, and errors so far. On a
 * terminal it rewrites itself; elsewhere (a log, a test report) it is one line a second.
 * Every second is kept for the result's timeline, with bots back from the drop so far too.
 */
final class Progress {
    /**
     * One second of the run: {@code entered}, {@code reconnected} and {@code errors} are so far,
     * {@code commands} (answered), {@code deliveries} and the percentiles (of the commands
     * answered) are of this second.
     */
    record Second(int second, String phase, int connected, long entered, long reconnected, long commands, long deliveries, long p50Micros,
                  long p99Micros, long errors) {
        JsonObject toJson() {
            return new JsonObject().put("second", second).put("phase", phase).put("connected", connected).put("entered", entered)
                    .put("reconnected", reconnected).put("commands", commands).put("deliveries", deliveries)
                    .put("p50", Latencies.millis(p50Micros)).put("p99", Latencies.millis(p99Micros)).put("errors", errors);
        }
    }

    private final RunStats stats;
    private final int players;
    private final PrintStream out;
    private final boolean rewrite;
    private final List<Second> timeline = new ArrayList<>();
    private long answered;
    private long deliveries;
    private Latencies latencies = Latencies.EMPTY;
    private volatile boolean playing;
    private volatile boolean warming;

    Progress(RunStats stats, int players, PrintStream out, boolean rewrite) {
        this.stats = stats;
        this.players = players;
        this.out = out;
        this.rewrite = rewrite;
    }

    synchronized void tick() {
        long answeredNow = stats.answered();
        long deliveriesNow = stats.deliveries.sum();
        Latencies latenciesNow = stats.latencies();
        Latencies second = latenciesNow.minus(latencies);
        String phase = !playing ? "entering" : warming ? "warming up" : stats.away() > 0 ? "reconnecting" : "playing";
        Second s = new Second(timeline.size() + 1, phase, stats.connected.get(), stats.entered.sum(), stats.reconnected.sum(),
                answeredNow - answered, deliveriesNow - deliveries, second.percentile(50), second.percentile(99), stats.errors());
        answered = answeredNow;
        deliveries = deliveriesNow;
        latencies = latenciesNow;
        timeline.add(s);
        String line = "%4d s  %-12s  connected %d/%d  entered %d  commands/s %,d  deliveries/s %,d  p50 %.1f ms  p99 %.1f ms  errors %,d".formatted(
                s.second(), s.phase(), s.connected(), players, s.entered(), s.commands(), s.deliveries(), s.p50Micros() / 1000.0,
                s.p99Micros() / 1000.0, s.errors());
        if (rewrite) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** From now on the seconds are the run's play; {@code warmingUp} until {@link #measuring}. */
    void playing(boolean warmingUp) {
        warming = warmingUp;
        playing = true;
    }

    /** The warm-up is over and the commands' counts started again: the next second counts from zero. */
    synchronized void measuring() {
        answered = 0;
        latencies = Latencies.EMPTY;
        warming = false;
    }

    synchronized void finish() {
        if (rewrite) out.println();
    }

    synchronized JsonArray toJson() {
        JsonArray array = new JsonArray();
        timeline.forEach(second -> array.add(second.toJson()));
        return array;
    }
}
