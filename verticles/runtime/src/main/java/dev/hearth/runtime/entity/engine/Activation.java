package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.entity.Remindable;
import dev.hearth.runtime.entity.Reminders;
import dev.hearth.runtime.entity.Timers;
import dev.hearth.runtime.entity.store.Claim;
import dev.hearth.runtime.entity.store.Save;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One entity active on this node: its instance, its state, the epoch it was claimed at, and
 * its mailbox. Everything here runs on the activation's home context, one task at a time, so
 * nothing needs a lock. Calls take turns unless re-entrant (same call chain) or interleaved.
 */
final class Activation implements EntityContext<Object> {
    private static final Logger log = LoggerFactory.getLogger(Activation.class);

    private enum Phase { CLAIMING, ACTIVE, DEACTIVATING, GONE }

    final EntityId id;
    final TypeInfo info;
    final ContextInternal home;
    private final EntityRuntime runtime;
    private final int leaseTerm;
    private final ArrayDeque<Invocation> waiting = new ArrayDeque<>();
    private Phase phase = Phase.CLAIMING;
    /** No longer registered with the runtime: a call that still reaches it goes on. */
    private boolean unregistered;
    private Object instance;
    private Object state;
    private long epoch;
    /** The state changed since it was last handed to the commit queue. */
    private boolean dirty;
    /** Completes when every change handed to the commit queue so far has committed. */
    private Future<Void> committed = Future.succeededFuture();
    private int running;
    private long turnChain;
    private boolean pumping;
    private TimerWheel.Entry writeBehindTimer;
    private final Promise<Void> gone = Promise.promise();
    private ActivationTimers timers;
    /** On the runtime's clock. Read by the idle sweep from another thread: a hint, re-checked on the home context. */
    volatile long lastUsedMillis;

    Activation(EntityRuntime runtime, TypeInfo info, EntityId id, ContextInternal home) {
        this.runtime = runtime;
        this.info = info;
        this.id = id;
        this.home = home;
        this.lastUsedMillis = runtime.clock().millis();
        this.leaseTerm = runtime.leaseTerm();
    }

    // --- EntityContext, for the implementation ---

    @Override
    public EntityId id() {
        return id;
    }

    @Override
    public Object state() {
        return state;
    }

    @Override
    public void setState(Object next) {
        state = next;
        dirty = true;
    }

    @Override
    public Entities entities() {
        return runtime;
    }

    @Override
    public Timers timers() {
        if (timers == null) timers = new ActivationTimers(this, runtime.wheelOf(id), runtime.callTimeout());
        return timers;
    }

    @Override
    public Reminders reminders() {
        // Caught when set, not when due: a reminder nobody can receive would come back forever.
        if (instance != null && !(instance instanceof Remindable)) {
            throw new IllegalStateException(instance.getClass().getSimpleName() + " must implement Remindable to set reminders");
        }
        return new EntityReminders(runtime.store(), id);
    }

    // --- lifecycle ---

    /** Claims the entity's row and loads its state; calls wait in the mailbox meanwhile. */
    void start() {
        runtime.store().claim(id, runtime.nodeId()).onComplete(ar -> onHome(() -> {
            if (ar.failed()) {
                abandon(new EntityUnavailableException("cannot activate " + id + ": " + ar.cause().getMessage()));
            } else if (ar.result() instanceof Claim.Refused refused) {
                unregister();
                phase = Phase.GONE;
                gone.tryComplete();
                drainWaiting(inv -> runtime.redirected(inv, refused.owner()));
            } else {
                activate((Claim.Claimed) ar.result());
            }
        }));
    }

    private void activate(Claim.Claimed claimed) {
        epoch = claimed.epoch();
        try {
            state = StoredState.load(info.type, claimed, runtime.codec());
            instance = info.type.create(this);
        } catch (RuntimeException e) {
            log.error("Entity {} cannot be activated: {}", id, e.getMessage(), e);
            runtime.store().release(runtime.nodeId(), id, epoch);
            abandon(new EntityUnavailableException("cannot activate " + id + ": " + e.getMessage()));
            return;
        }
        boolean leaving = phase == Phase.DEACTIVATING; // asked to leave while claiming
        phase = Phase.ACTIVE;
        runtime.announce(this);
        if (leaving) deactivate();
        else pump();
    }

    /** A call arrives, from any thread. */
    void deliver(Invocation inv) {
        if (home.inThread()) offer(inv);
        else home.execute(inv, this::offer);
    }

    private void offer(Invocation inv) {
        switch (phase) {
            // Still saving and releasing, so still what the runtime finds for this id: sent
            // on now, the call would come straight back here. It goes on once released.
            case GONE -> {
                if (unregistered) sendOn(inv, runtime::dispatchAgain);
                else waiting.add(inv);
            }
            case CLAIMING -> waiting.add(inv);
            // A call back along the chain of the turn being finished must run, or the turn never ends.
            case DEACTIVATING -> {
                if (running > 0 && inv.chain.id() == turnChain) run(inv);
                else waiting.add(inv);
            }
            case ACTIVE -> {
                boolean reentrant = running > 0 && inv.chain.id() == turnChain;
                if (reentrant || inv.interleaved()) run(inv);
                else {
                    waiting.add(inv);
                    pump();
                }
            }
        }
    }

    private void pump() {
        if (pumping) return;
        pumping = true;
        try {
            while (phase == Phase.ACTIVE && running == 0 && !waiting.isEmpty()) run(waiting.poll());
        } finally {
            pumping = false;
        }
        if (phase == Phase.DEACTIVATING && running == 0) finishDeactivation();
    }

    private void run(Invocation inv) {
        used(inv);
        if (inv.expired()) {
            runtime.timedOut(inv);
            return;
        }
        if (!runtime.serving(leaseTerm)) {
            // Past its lease (frozen, cut off from the database) this node may have been replaced
            // as the owner: its memory may be stale, so it answers nothing from it.
            EntityUnavailableException lapsed = new EntityUnavailableException(
                    "node " + runtime.nodeId() + " no longer holds the lease " + id + " was activated under");
            inv.reply.tryFail(lapsed);
            abandon(lapsed);
            return;
        }
        if (inv.commandId != null) {
            runCommand(inv);
            return;
        }
        execute(inv);
    }

    /** A call with a command id applies once: a retry gets the stored result. */
    private void runCommand(Invocation inv) {
        running++; // holds the turn while the store answers
        if (!inv.interleaved() && running == 1) turnChain = inv.chain.id();
        runtime.store().commandResult(id, inv.commandId).onComplete(ar -> onHome(() -> {
            running--;
            if (ar.failed()) {
                inv.reply.tryFail(new EntityUnavailableException("cannot check command " + inv.commandId + ": " + ar.cause().getMessage()));
                pump();
            } else if (ar.result().isPresent()) {
                replyAfterCommits(inv, runtime.codec().decode(
                        Buffer.buffer(ar.result().get()), inv.method.resultType));
                pump();
            } else {
                execute(inv);
            }
        }));
    }

    private void execute(Invocation inv) {
        running++;
        if (!inv.interleaved() && running == 1) turnChain = inv.chain.id();
        Object before = state;
        boolean changedBefore = dirty;
        ContextInternal callContext = home.duplicate();
        callContext.putLocal(EntityRuntime.CHAIN, inv.chain.then(inv.target, inv.methodName()));
        if (info.type.virtualThreadsEnabled()) {
            callContext.runOnContext(v -> inv.invoke(instance)
                    .onComplete(ar -> onHome(() -> finish(inv, ar.succeeded(), ar.result(), ar.cause(), before, changedBefore))));
        } else {
            callContext.dispatch(() -> inv.invoke(instance)
                    .onComplete(ar -> onHome(() -> finish(inv, ar.succeeded(), ar.result(), ar.cause(), before, changedBefore))));
        }
    }

    private void finish(Invocation inv, boolean succeeded, Object result, Throwable failure, Object before, boolean changedBefore) {
        running--;
        used(inv);
        if (phase == Phase.GONE) {
            inv.reply.tryFail(new EntityUnavailableException(id + " was fenced out while answering"));
        } else if (!succeeded) {
            // A failed call changes nothing, when calls take turns (interleaved ones may see each other).
            if (running == 0) {
                state = before;
                dirty = changedBefore;
            }
            inv.reply.tryFail(runtime.failure(inv, failure));
        } else if (!dirty) {
            replyAfterCommits(inv, result);
        } else if (info.type.writeBehind() != null && inv.commandId == null) {
            scheduleWriteBehind(info.type.writeBehind());
            inv.reply.tryComplete(result);
        } else {
            commit(inv.commandId, inv.commandId == null ? null : runtime.encodeResult(inv.method, result));
            replyAfterCommits(inv, result);
        }
        pump();
    }

    /** Hands the current state to the commit queue; later replies wait for it. */
    private void commit(String commandId, String resultJson) {
        dirty = false;
        cancelWriteBehind();
        Save save = new Save(id, epoch, info.type.schemaVersion(), runtime.codec().encodeState(state), commandId, resultJson);
        Future<Void> landed = runtime.commits().commit(save).compose(ok -> ok ? Future.succeededFuture()
                : Future.failedFuture(new EntityUnavailableException(id + " was fenced out: another node owns it now")));
        landed.onFailure(e -> onHome(() -> {
            if (phase != Phase.GONE) {
                // Memory is ahead of the database now; forget it and reload committed state next time.
                log.warn("Save of {} failed ({}); deactivating it without saving", id, e.getMessage());
                abandon(e instanceof EntityUnavailableException u ? u : new EntityUnavailableException(e.getMessage()));
            }
        }));
        committed = landed;
    }

    private void replyAfterCommits(Invocation inv, Object result) {
        if (committed.succeeded()) {
            inv.reply.tryComplete(result);
        } else {
            committed.onComplete(ar -> {
                if (ar.succeeded()) inv.reply.tryComplete(result);
                else inv.reply.tryFail(ar.cause());
            });
        }
    }

    /** On the loop's timer wheel, a tick early: the wheel may run it up to a tick late. */
    private void scheduleWriteBehind(Duration delay) {
        if (writeBehindTimer != null) return;
        long deadline = System.nanoTime() + Math.max(0, delay.toNanos() - TimeUnit.MILLISECONDS.toNanos(TimerWheel.TICK_MILLIS));
        writeBehindTimer = runtime.wheelOf(id).scheduleAt(deadline, () -> onHome(() -> {
            writeBehindTimer = null;
            if (dirty && phase == Phase.ACTIVE) commit(null, null);
        }));
    }

    private void cancelWriteBehind() {
        if (writeBehindTimer != null) {
            writeBehindTimer.cancel();
            writeBehindTimer = null;
        }
    }

    /** Calls keep an activation from idling; timer ticks do not, so timers alone cannot keep it forever. */
    private void used(Invocation inv) {
        if (!inv.isTick()) lastUsedMillis = runtime.clock().millis();
    }

    // --- leaving ---

    /** No call has come for that long, none is running, and none is waiting. */
    boolean idleFor(long millis) {
        return phase == Phase.ACTIVE && running == 0 && waiting.isEmpty() && runtime.clock().millis() - lastUsedMillis > millis;
    }

    /** Saves, gives the entity up and leaves; calls that arrive meanwhile go to its next activation. */
    Future<Void> deactivate() {
        if (phase == Phase.ACTIVE) {
            phase = Phase.DEACTIVATING;
            cancelTimers();
            if (running == 0) finishDeactivation();
        } else if (phase == Phase.CLAIMING) {
            phase = Phase.DEACTIVATING;
        }
        return gone.future();
    }

    private void finishDeactivation() {
        if (phase != Phase.DEACTIVATING) return;
        phase = Phase.GONE;
        if (dirty) commit(null, null);
        committed.transform(ar -> instance == null ? Future.succeededFuture()
                        : runtime.store().release(runtime.nodeId(), id, epoch))
                .onComplete(ar -> onHome(() -> {
                    unregister();
                    gone.tryComplete();
                    drainWaiting(runtime::dispatchAgain);
                }));
    }

    /** Drops the activation without saving: fenced out, or its state could not be trusted. */
    void abandon(EntityUnavailableException reason) {
        phase = Phase.GONE;
        cancelWriteBehind();
        cancelTimers();
        unregister();
        gone.tryComplete();
        drainWaiting(inv -> inv.reply.tryFail(reason));
    }

    private void unregister() {
        unregistered = true;
        runtime.removed(this);
    }

    private void drainWaiting(Consumer<Invocation> action) {
        List<Invocation> left = List.copyOf(waiting);
        waiting.clear();
        left.forEach(inv -> sendOn(inv, action));
    }

    /** A call this activation will not serve goes on; a timer's tick ends with the activation. */
    private void sendOn(Invocation inv, Consumer<Invocation> action) {
        if (inv.isTick()) inv.reply.tryFail(new EntityUnavailableException(id + " was deactivated"));
        else action.accept(inv);
    }

    private void cancelTimers() {
        if (timers != null) timers.cancelAll();
    }

    private void onHome(Runnable task) {
        if (home.inThread()) task.run();
        else home.runOnContext(v -> task.run());
    }
}
