package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.entity.Timers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The timers of one activation. They wait on the timer wheel of the activation's event
 * loop; when one is due, its tick goes to the activation's mailbox and takes a turn like a
 * call. All of them are cancelled when the activation leaves.
 */
final class ActivationTimers implements Timers {
    private static final Logger log = LoggerFactory.getLogger(ActivationTimers.class);

    private final Activation activation;
    private final TimerWheel wheel;
    private final Duration tickTimeout;
    /** Timers that may still tick; touched only in the activation's turns and on its home. */
    private final Set<Scheduled> live = new HashSet<>();

    ActivationTimers(Activation activation, TimerWheel wheel, Duration tickTimeout) {
        this.activation = activation;
        this.wheel = wheel;
        this.tickTimeout = tickTimeout;
    }

    @Override
    public Timer once(Duration delay, Supplier<? extends Future<?>> tick) {
        return start(delay.isNegative() ? Duration.ZERO : delay, 0, tick);
    }

    @Override
    public Timer every(Duration period, Supplier<? extends Future<?>> tick) {
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("a timer's period must be positive");
        return start(period, period.toNanos(), tick);
    }

    private Timer start(Duration delay, long periodNanos, Supplier<? extends Future<?>> tick) {
        Scheduled timer = new Scheduled(periodNanos, Objects.requireNonNull(tick, "tick"));
        live.add(timer);
        timer.arm(System.nanoTime() + delay.toNanos());
        return timer;
    }

    /** The activation leaves: no tick starts after this. */
    void cancelAll() {
        List.copyOf(live).forEach(Scheduled::cancel);
    }

    private final class Scheduled implements Timer {
        private final long periodNanos;
        private final Supplier<? extends Future<?>> tick;
        private final AtomicBoolean ticking = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile TimerWheel.Entry entry;
        /** When it is next due; read and written on the wheel's loop once armed. */
        private long deadlineNanos;

        Scheduled(long periodNanos, Supplier<? extends Future<?>> tick) {
            this.periodNanos = periodNanos;
            this.tick = tick;
        }

        void arm(long deadline) {
            deadlineNanos = deadline;
            entry = wheel.scheduleAt(deadline, this::due);
        }

        /** On the wheel's loop. */
        private void due() {
            if (cancelled) return;
            if (periodNanos > 0) {
                long now = System.nanoTime();
                long next = deadlineNanos + periodNanos;
                arm(next - now > 0 ? next : now + periodNanos); // after a stall, keep the period, not the beat
            }
            if (!ticking.compareAndSet(false, true)) return; // the last tick has not had its turn yet
            Promise<Object> done = Promise.promise();
            done.future().onComplete(ar -> {
                ticking.set(false);
                if (ar.failed() && !(ar.cause() instanceof EntityUnavailableException)) {
                    log.warn("A timer of {} failed: {}", activation.id, ar.cause().getMessage());
                }
            });
            activation.deliver(Invocation.tick(activation.id, this::run, System.nanoTime() + tickTimeout.toNanos(), done));
        }

        /** In the activation's turn. */
        private Future<?> run() {
            if (periodNanos == 0) live.remove(this);
            return cancelled ? Future.succeededFuture() : tick.get();
        }

        @Override
        public void cancel() {
            cancelled = true;
            live.remove(this);
            TimerWheel.Entry current = entry;
            if (current != null) current.cancel();
        }
    }
}
