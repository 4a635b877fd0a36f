package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityCallException;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.Remindable;
import dev.hearth.runtime.entity.Reminders;
import dev.hearth.runtime.entity.Timers;
import dev.hearth.runtime.entity.engine.Invocation.TransferMode;
import dev.hearth.runtime.entity.store.Claim;
import dev.hearth.runtime.entity.store.DueTransfer;
import dev.hearth.runtime.entity.store.Save;
import dev.hearth.runtime.entity.store.Settlement;
import dev.hearth.runtime.entity.store.Transfer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

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
    /** Transfers sent since the last hand-over to the commit queue; they go with the next save. */
    private final List<Transfer> outgoing = new ArrayList<>();
    /**
     * Commands applied here whose save has not committed yet, answered when it does: a second
     * delivery of one (a retry, a transfer delivered twice) must not apply it again meanwhile.
     */
    private final Map<String, Promise<Object>> uncommittedCommands = new HashMap<>();
    /** Calls of the running turn that ended, waiting for the turn's commit to be answered. */
    private final List<Ended> turn = new ArrayList<>();
    /** Counted to tell whether a call ran alone, so that its failure can be undone exactly. */
    private long callsStarted;
    private long callsFinished;
    /** The write-behind delay passed during a turn: commit when it ends. */
    private boolean writeBehindDue;

    /** What a call saw when it began: if it fails having run alone, this is restored. */
    private record CallStart(Object state, boolean dirty, int sent, long started, long finished) {
    }

    /**
     * A call of the turn that ended: answered with its result, or its failure (a refused
     * transfer), once the turn's commit lands.
     */
    private record Ended(Promise<Object> applied, Object result, Throwable failure, String commandId, String resultJson,
                         Settlement settles) {
        void answer(Future<Void> committed) {
            committed.onComplete(ar -> {
                if (ar.failed()) applied.tryFail(ar.cause());
                else if (failure != null) applied.tryFail(failure);
                else applied.tryComplete(result);
            });
        }
    }
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

    @Override
    public <T> void transfer(Ref<T> to, Function<T, Future<?>> deliver) {
        outgoing.add(new Transfer(newTransferId(), CallRecorder.record(runtime, to, deliver), null,
                runtime.transferRetryAfter()));
    }

    @Override
    public <T, R> void transfer(Ref<T> to, Function<T, Future<?>> deliver, Ref<R> refundTo, Function<R, Future<?>> refund) {
        outgoing.add(new Transfer(newTransferId(), CallRecorder.record(runtime, to, deliver),
                CallRecorder.record(runtime, refundTo, refund), runtime.transferRetryAfter()));
    }

    /** Unique, not secret: no need for the shared SecureRandom of UUID.randomUUID on every transfer. */
    private static String newTransferId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
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
        Promise<Object> applying = uncommittedCommands.get(inv.commandId);
        if (applying != null) {
            // Applied here, not committed yet: answer as the first delivery is answered, once it commits.
            applying.future().onComplete(inv.reply);
            return;
        }
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
        CallStart start = new CallStart(state, dirty, outgoing.size(), callsStarted++, callsFinished);
        ContextInternal callContext = home.duplicate();
        EntityContextLocals.CHAIN.put(callContext, inv.chain.then(inv.target, inv.methodName()));
        if (info.type.virtualThreadsEnabled()) {
            callContext.runOnContext(v -> inv.invoke(instance)
                    .onComplete(ar -> onHome(() -> finish(inv, ar.succeeded(), ar.result(), ar.cause(), start))));
        } else {
            callContext.dispatch(() -> inv.invoke(instance)
                    .onComplete(ar -> onHome(() -> finish(inv, ar.succeeded(), ar.result(), ar.cause(), start))));
        }
    }

    /**
     * A call ended. Nothing is committed while other calls of the entity still run (re-entrant
     * or interleaved): their changes are half done. The turn's changes are committed together
     * when the last call ends, and replies wait for that, except a re-entrant one, which
     * answers at once into its own call chain, whose first call waits for the commit.
     */
    private void finish(Invocation inv, boolean succeeded, Object result, Throwable failure, CallStart start) {
        boolean ranAlone = callsStarted == start.started() + 1 && callsFinished == start.finished();
        running--;
        callsFinished++;
        used(inv);
        if (phase == Phase.GONE) {
            // Dropped meanwhile (fenced out, or reloading): what this call changed must not be saved.
            inv.reply.tryFail(new EntityUnavailableException(id + " was dropped while answering"));
            return;
        }
        if (!succeeded) {
            failed(inv, runtime.failure(inv, failure), failure instanceof EntityCallException, start, ranAlone);
            if (phase == Phase.GONE) return;
        } else {
            Promise<Object> applied = Promise.promise();
            Settlement settles = null;
            String resultJson = null;
            if (inv.commandId != null) {
                uncommittedCommands.put(inv.commandId, applied);
                resultJson = runtime.encodeResult(inv.method, result);
                if (inv.isTransfer()) settles = new Settlement(inv.commandId, true);
            }
            boolean reentrant = running > 0 && inv.chain.id() == turnChain;
            if (reentrant) inv.reply.tryComplete(result);
            else applied.future().onComplete(inv.reply);
            turn.add(new Ended(applied, result, null, inv.commandId, resultJson, settles));
        }
        if (running == 0) endTurn();
        pump();
    }

    /** A failed call changes nothing and sends nothing; a refused transfer may become its refund. */
    private void failed(Invocation inv, EntityCallException error, boolean fromACallItMade, CallStart start, boolean ranAlone) {
        // Nothing commits while a call runs, so nothing changed since it began if these did not.
        boolean untouched = state == start.state() && dirty == start.dirty() && outgoing.size() == start.sent();
        if (!untouched && !ranAlone) {
            // Other calls changed the entity too: their changes and this one's are mixed and cannot
            // be told apart, so the entity reloads its committed state rather than keep any of them.
            inv.reply.tryFail(error);
            abandon(new EntityUnavailableException(id + " reloads its committed state: a call failed while others ran"));
            return;
        }
        state = start.state();
        dirty = start.dirty();
        outgoing.subList(start.sent(), outgoing.size()).clear();
        // Only the method's own failure refuses a transfer; a failed call it made (a timeout) is tried again.
        if (inv.transfer == TransferMode.REFUND_IF_REFUSED && !fromACallItMade) {
            Promise<Object> applied = Promise.promise();
            uncommittedCommands.put(inv.commandId, applied);
            applied.future().onComplete(inv.reply);
            turn.add(new Ended(applied, null, error, inv.commandId, null, new Settlement(inv.commandId, false)));
        } else {
            inv.reply.tryFail(error);
        }
    }

    /** The last running call ended: commit what the turn changed, sent and settled, then answer. */
    private void endTurn() {
        List<Ended> ended = List.copyOf(turn);
        turn.clear();
        boolean commands = ended.stream().anyMatch(e -> e.commandId() != null);
        // Commands and transfers are never written behind: their reply promises they are stored.
        if (commands || !outgoing.isEmpty() || writeBehindDue || (dirty && info.type.writeBehind() == null)) {
            commit(ended);
        } else if (dirty) {
            scheduleWriteBehind(info.type.writeBehind());
            ended.forEach(e -> e.answer(Future.succeededFuture()));
            return;
        }
        Future<Void> done = committed;
        ended.forEach(e -> e.answer(done));
    }

    /**
     * Hands the current state to the commit queue, with the transfers sent since the last
     * time, and one save per command of the turn (its id, result and settlement; they
     * collapse into one row update in the store); later replies wait for it.
     */
    private void commit(List<Ended> ended) {
        dirty = false;
        writeBehindDue = false;
        cancelWriteBehind();
        List<Transfer> sent = List.copyOf(outgoing);
        outgoing.clear();
        String stateJson = runtime.codec().encodeState(state);
        List<Save> saves = new ArrayList<>();
        for (Ended e : ended) {
            if (e.commandId() == null) continue;
            saves.add(new Save(id, epoch, info.type.schemaVersion(), stateJson, e.commandId(), e.resultJson(),
                    saves.isEmpty() ? sent : List.of(), e.settles()));
        }
        if (saves.isEmpty()) saves.add(new Save(id, epoch, info.type.schemaVersion(), stateJson, null, null, sent, null));
        List<Future<Boolean>> landing = saves.stream().map(runtime.commits()::commit).toList();
        Future<Void> landed = Future.all(landing).compose(all -> landing.stream().allMatch(Future::result) ? Future.succeededFuture()
                : Future.failedFuture(new EntityUnavailableException(id + " was fenced out: another node owns it now")));
        // Most commits leave nothing to do here once they land; skipping the hop home then
        // saves a wake-up of the entity's event loop per commit (a quarter of the CPU of a save).
        boolean afterwards = !sent.isEmpty() || ended.stream().anyMatch(e -> e.commandId() != null || e.settles() != null);
        if (afterwards) landed.onSuccess(v -> onHome(() -> {
            ended.forEach(e -> {
                if (e.commandId() != null) uncommittedCommands.remove(e.commandId());
            });
            if (!sent.isEmpty()) runtime.sendCommitted(sent.stream()
                    .map(t -> new DueTransfer(t.id(), t.deliver(), t.refund() != null)).toList());
            if (ended.stream().anyMatch(e -> e.settles() != null && !e.settles().accepted())) runtime.refundDue();
        }));
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
            if (!dirty || phase != Phase.ACTIVE) return;
            if (running == 0) commit(List.of());
            else writeBehindDue = true; // a call is half way through its change
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
        if (dirty || !outgoing.isEmpty()) commit(List.of());
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
        turn.forEach(ended -> ended.applied().tryFail(reason));
        turn.clear();
        outgoing.clear();
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
