package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.store.EntityStore;
import dev.hearth.runtime.entity.store.LeaseLostException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps this node's lease alive. The node serves entities only while its own clock says
 * the lease is certainly still valid: the renewal that succeeded was sent at a known time,
 * and the database cannot have expired it before that time plus the lease length. A node
 * that froze or lost the database stops serving before anyone else may claim its entities.
 */
final class LeaseKeeper {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Vertx vertx;
    private final EntityStore store;
    private final String nodeId;
    private final Duration length;
    private final Duration every;
    private final Runnable onLost;
    private final Consumer<List<String>> onLiveHosts;
    private volatile long servingUntilNanos = System.nanoTime();
    private boolean renewing;
    private volatile boolean held;
    /** A draining node keeps its lease but never opens a new one: it is leaving. */
    private volatile boolean draining;
    /** Counts the leases this node has lost; a later lease is a new term. */
    private volatile int term;
    private long timer = -1;

    LeaseKeeper(Vertx vertx, EntityStore store, String nodeId, Duration length, Duration every,
                Runnable onLost, Consumer<List<String>> onLiveHosts) {
        this.vertx = vertx;
        this.store = store;
        this.nodeId = nodeId;
        this.length = length;
        this.every = every;
        this.onLost = onLost;
        this.onLiveHosts = onLiveHosts;
    }

    Future<Void> open() {
        long sent = System.nanoTime();
        return store.openLease(nodeId, length).compose(v -> {
            granted(sent);
            timer = vertx.setPeriodic(every.toMillis(), t -> renew());
            // The first statements on a cold pool can take most of a lease: count from the renewal.
            long renewalSent = System.nanoTime();
            return store.renewLease(nodeId, length).onSuccess(hosts -> {
                granted(renewalSent);
                onLiveHosts.accept(hosts);
            }).mapEmpty();
        });
    }

    boolean serving() {
        return held && System.nanoTime() - servingUntilNanos < 0;
    }

    /** Which lease this is: it changes when a lease is lost, before another can be granted. */
    int term() {
        return term;
    }

    /**
     * Takes this node out of the live hosts while keeping the lease renewed, so what it still
     * owns stays fenced until it releases it. Lists the live hosts once marked.
     */
    Future<List<String>> drain() {
        draining = true;
        return store.drainLease(nodeId).compose(v -> store.liveHosts()).onSuccess(onLiveHosts::accept);
    }

    Future<Void> close() {
        if (timer >= 0) vertx.cancelTimer(timer);
        held = false;
        return store.closeLease(nodeId);
    }

    private void granted(long sentNanos) {
        // A tenth of the lease is kept back for clock drift between this machine and the database.
        servingUntilNanos = sentNanos + length.toNanos() - length.toNanos() / 10;
        held = true;
    }

    private void renew() {
        // Checked first: a renewal that hangs must not keep the node serving past its lease.
        if (held && !serving()) lost("it ran out before it was renewed (frozen, or the database unreachable)");
        if (renewing || (draining && !held)) return;
        renewing = true;
        long sent = System.nanoTime();
        Future<List<String>> renewal = held ? store.renewLease(nodeId, length)
                : store.openLease(nodeId, length).compose(v -> store.renewLease(nodeId, length));
        renewal.onComplete(ar -> {
            renewing = false;
            if (ar.succeeded()) {
                if (!held) log.info("Node {} has a lease again and serves entities", nodeId);
                granted(sent);
                onLiveHosts.accept(ar.result());
            } else if (ar.cause() instanceof LeaseLostException) {
                lost("the database says it expired");
            } else {
                log.warn("Could not renew the lease of node {}: {}", nodeId, ar.cause().getMessage());
            }
        });
    }

    private void lost(String why) {
        if (!held) return;
        held = false;
        term++;
        log.error("Node {} lost its lease ({}): dropping its activations without saving", nodeId, why);
        onLost.run();
    }
}
