package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityId;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.function.Supplier;

/**
 * One call on its way to, or inside, an activation; or a tick of one of its timers, which
 * takes a turn like a call but never leaves its activation. Its reply promise is completed
 * once, by the callee or by the caller's timeout, whichever comes first.
 */
final class Invocation {
    /** Whether the call delivers a transfer, which the receiver settles in its save, and what a refusal does. */
    enum TransferMode { NONE, RETRY_IF_REFUSED, REFUND_IF_REFUSED }

    final EntityId target;
    /** The method called; null for a timer's tick. */
    final MethodInfo method;
    final Object[] args;
    /** A timer's tick, run instead of a method; null for a call. */
    private final Supplier<? extends Future<?>> tick;
    final CallChain chain;
    final long deadlineNanos;
    final long timeoutMillis;
    final String commandId;
    /** Not NONE only with a command id: the transfer's id. */
    final TransferMode transfer;
    final Promise<Object> reply;
    /** Arrived from another node: it must be served here, never forwarded again. */
    final boolean remote;
    /** How many times the call followed a redirect. */
    int hops;

    Invocation(EntityId target, MethodInfo method, Object[] args, CallChain chain, long deadlineNanos,
               String commandId, TransferMode transfer, Promise<Object> reply, boolean remote) {
        this(target, method, args, null, chain, deadlineNanos, commandId, transfer, reply, remote);
    }

    private Invocation(EntityId target, MethodInfo method, Object[] args, Supplier<? extends Future<?>> tick,
                       CallChain chain, long deadlineNanos, String commandId, TransferMode transfer,
                       Promise<Object> reply, boolean remote) {
        this.target = target;
        this.method = method;
        this.args = args;
        this.tick = tick;
        this.chain = chain;
        this.deadlineNanos = deadlineNanos;
        this.timeoutMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        this.commandId = commandId;
        this.transfer = commandId == null ? TransferMode.NONE : transfer;
        this.reply = reply;
        this.remote = remote;
    }

    /** A timer's tick: a call of the entity by itself, starting its own call chain. */
    static Invocation tick(EntityId target, Supplier<? extends Future<?>> tick, long deadlineNanos, Promise<Object> done) {
        return new Invocation(target, null, new Object[0], tick, CallChain.start(), deadlineNanos, null, TransferMode.NONE, done, false);
    }

    boolean isTick() {
        return tick != null;
    }

    /** Commands always take turns: a second delivery must see whether the first applied. */
    boolean interleaved() {
        return method != null && method.interleaved && commandId == null;
    }

    boolean isTransfer() {
        return transfer != TransferMode.NONE;
    }

    /** Runs the call's method, or the tick, on the entity; what it throws becomes a failed future. */
    @SuppressWarnings("unchecked")
    Future<Object> invoke(Object instance) {
        if (tick == null) return (Future<Object>) method.invoke(instance, args);
        try {
            Future<?> done = tick.get();
            return done != null ? (Future<Object>) done
                    : Future.failedFuture(new IllegalStateException("a timer's tick returned null instead of a Future"));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    long remainingMillis() {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    String frame() {
        return target + "." + methodName();
    }

    String methodName() {
        return tick != null ? "<timer>" : method.method.getName();
    }
}
