package dev.hearth.runtime.entity.engine;

import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Works off what the store holds for any node to do when due: reminders to fire, transfers
 * to deliver again. Every hosting node polls; a claim moves each due item a lease ahead in
 * the store, so one node works on it at a time, and an item whose work fails or whose node
 * dies is due again when the lease ends: it is done at least once. Runs on the runtime's context.
 *
 * @param <T> what is claimed
 */
final class DuePoller<T> {
    private static final Logger log = LoggerFactory.getLogger(DuePoller.class);
    /** Items this node works on at once, at most: a backlog is worked off in steps. */
    static final int MAX_IN_FLIGHT = 100;

    private final ContextInternal context;
    private final String what;
    private final Duration every;
    private final BooleanSupplier serving;
    private final IntFunction<Future<List<T>>> claim;
    private final Function<T, Future<?>> work;
    private long timer = -1;
    private boolean polling;
    /** Asked to look while a look was under way: look again when it ends. */
    private boolean lookAgain;
    private int inFlight;

    /**
     * @param what what is polled for, for the log
     * @param serving whether this node may serve entities now
     * @param claim claims at most that many due items, each for a lease longer than its work may take
     * @param work does the item; it is done when the future succeeds
     */
    DuePoller(ContextInternal context, String what, Duration every, BooleanSupplier serving,
              IntFunction<Future<List<T>>> claim, Function<T, Future<?>> work) {
        this.context = context;
        this.what = what;
        this.every = every;
        this.serving = serving;
        this.claim = claim;
        this.work = work;
    }

    void start() {
        timer = context.setPeriodic(every.toMillis(), t -> poll());
    }

    /** No more claims; items being worked on finish, or are done again elsewhere after their lease. */
    void stop() {
        if (timer >= 0) context.owner().cancelTimer(timer);
        timer = -1;
    }

    /** Something became due now: look without waiting for the next round. From any thread. */
    void pollSoon() {
        context.runOnContext(v -> {
            if (polling) lookAgain = true; // what the look under way claims may predate this
            else poll();
        });
    }

    private void poll() {
        if (polling || timer < 0 || inFlight >= MAX_IN_FLIGHT || !serving.getAsBoolean()) return;
        polling = true;
        int asked = MAX_IN_FLIGHT - inFlight;
        claim.apply(asked).onComplete(ar -> {
            polling = false;
            boolean again = lookAgain;
            lookAgain = false;
            if (ar.failed()) {
                log.warn("Could not look for due {}: {}", what, ar.cause().getMessage());
                return;
            }
            List<T> due = ar.result();
            due.forEach(this::work);
            if (due.size() == asked || again) poll(); // more may be due: no need to wait for the next round
        });
    }

    private void work(T item) {
        inFlight++;
        Future<?> done;
        try {
            done = work.apply(item);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onComplete(ar -> {
            inFlight--;
            if (ar.failed()) log.warn("Due {} not done, it comes back when its claim ends: {} ({})", what, item, ar.cause().getMessage());
        });
    }
}
