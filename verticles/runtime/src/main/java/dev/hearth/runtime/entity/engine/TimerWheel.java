package dev.hearth.runtime.entity.engine;

import io.vertx.core.internal.ContextInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * A hashed timer wheel on one event loop: the timers of every entity living on that loop
 * share one Vert.x periodic timer, which runs only while the wheel holds timers. A timer
 * runs on the first tick at or after its deadline, so up to one tick late (plus whatever
 * else keeps the loop busy). Timers are
 * scheduled and cancelled from any thread; everything else runs on the wheel's context.
 */
final class TimerWheel {
    private static final Logger log = LoggerFactory.getLogger(TimerWheel.class);
    static final long TICK_MILLIS = 20;
    /** A turn of the wheel is about 10 s; later timers wait out whole turns in their slot. */
    static final int SLOTS = 512;

    /** One scheduled task. */
    final class Entry {
        private final Runnable task;
        /** The tick it runs on; set on the wheel's context. */
        private long tick;
        private volatile boolean cancelled;

        private Entry(long tick, Runnable task) {
            this.tick = tick;
            this.task = task;
        }

        /** It will not run, unless it is running now. */
        void cancel() {
            cancelled = true;
            onWheel(() -> {
                // Not yet added (still hopping to the wheel) or already run: nothing to remove.
                ArrayDeque<Entry> slot = slots[slotOf(tick)];
                if (slot != null && slot.remove(this)) size--;
            });
        }
    }

    private final ContextInternal context;
    private final long tickMillis;
    private final long tickNanos;
    private final long originNanos = System.nanoTime();
    private final ArrayDeque<Entry>[] slots;
    /** Every tick up to this one has run. */
    private long ranThrough;
    private int size;
    private long driver = -1;

    TimerWheel(ContextInternal context) {
        this(context, TICK_MILLIS, SLOTS);
    }

    /** @param slots a power of two */
    @SuppressWarnings("unchecked")
    TimerWheel(ContextInternal context, long tickMillis, int slots) {
        if (Integer.bitCount(slots) != 1) throw new IllegalArgumentException("slots must be a power of two");
        this.context = context;
        this.tickMillis = tickMillis;
        this.tickNanos = tickMillis * 1_000_000;
        this.slots = new ArrayDeque[slots];
    }

    /** Runs {@code task} on the wheel's context at {@code deadlineNanos} (a {@link System#nanoTime()}). */
    Entry scheduleAt(long deadlineNanos, Runnable task) {
        Entry entry = new Entry(Math.ceilDiv(deadlineNanos - originNanos, tickNanos), task);
        onWheel(() -> add(entry));
        return entry;
    }

    /** Whether its Vert.x timer runs; on the wheel's context. */
    boolean turning() {
        return driver >= 0;
    }

    private void add(Entry entry) {
        if (entry.cancelled) return;
        if (driver < 0) {
            ranThrough = elapsedTicks(); // the wheel was still: nothing is owed for the time it rested
            driver = context.setPeriodic(tickMillis, t -> advance());
        }
        entry.tick = Math.max(entry.tick, ranThrough + 1);
        int slot = slotOf(entry.tick);
        if (slots[slot] == null) slots[slot] = new ArrayDeque<>();
        slots[slot].add(entry);
        size++;
    }

    private void advance() {
        long now = elapsedTicks();
        if (now - ranThrough >= slots.length) {
            // The loop stalled for a whole turn: one pass over every slot runs all that is due.
            ranThrough = now;
            for (ArrayDeque<Entry> slot : slots) runDue(slot, now);
        } else {
            // Tasks that schedule again land after ranThrough, never in the slot being run.
            while (ranThrough < now) runDue(slots[slotOf(++ranThrough)], ranThrough);
        }
        if (size == 0) {
            context.owner().cancelTimer(driver);
            driver = -1;
        }
    }

    private void runDue(ArrayDeque<Entry> slot, long tick) {
        if (slot == null) return;
        for (int n = slot.size(); n > 0; n--) {
            Entry entry = slot.poll();
            if (entry.tick > tick) {
                slot.add(entry); // a later turn of the wheel
                continue;
            }
            size--;
            if (entry.cancelled) continue;
            try {
                entry.task.run();
            } catch (RuntimeException e) {
                log.error("A timer task failed on its wheel", e);
            }
        }
    }

    private long elapsedTicks() {
        return (System.nanoTime() - originNanos) / tickNanos;
    }

    private int slotOf(long tick) {
        return (int) (tick & (slots.length - 1));
    }

    private void onWheel(Runnable action) {
        if (context.inThread()) action.run();
        else context.runOnContext(v -> action.run());
    }
}
