package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityId;
import io.vertx.core.Promise;

/**
 * One call on its way to, or inside, an activation. Its reply promise is completed once,
 * by the callee or by the caller's timeout, whichever comes first.
 */
final class Invocation {
    final EntityId target;
    final MethodInfo method;
    final Object[] args;
    final CallChain chain;
    final long deadlineNanos;
    final long timeoutMillis;
    final String commandId;
    final Promise<Object> reply;
    /** Arrived from another node: it must be served here, never forwarded again. */
    final boolean remote;
    /** How many times the call followed a redirect. */
    int hops;

    Invocation(EntityId target, MethodInfo method, Object[] args, CallChain chain, long deadlineNanos,
               String commandId, Promise<Object> reply, boolean remote) {
        this.target = target;
        this.method = method;
        this.args = args;
        this.chain = chain;
        this.deadlineNanos = deadlineNanos;
        this.timeoutMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        this.commandId = commandId;
        this.reply = reply;
        this.remote = remote;
    }

    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    long remainingMillis() {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    String frame() {
        return target + "." + method.method.getName();
    }
}
