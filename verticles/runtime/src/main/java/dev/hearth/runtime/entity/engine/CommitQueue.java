package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.store.EntityStore;
import dev.hearth.runtime.entity.store.Save;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit for one node: changes from every activation wait a few milliseconds to share
 * one transaction. A few groups may be in flight at once, so PostgreSQL works on one while
 * the next is being encoded; every entity's changes go to the same lane, and a lane has one
 * group in flight at a time, so two saves of one entity always commit in the order they
 * were made. Lanes never touch the same entity rows, so their transactions cannot deadlock.
 */
final class CommitQueue {
    private record Pending(Save save, Promise<Boolean> landed) {
    }

    private final ContextInternal context;
    private final EntityStore store;
    private final String nodeId;
    private final long windowMillis;
    private final int maxBatch;
    private final Lane[] lanes;

    CommitQueue(ContextInternal context, EntityStore store, String nodeId, Duration window, int maxBatch, int groupsInFlight) {
        this.context = context;
        this.store = store;
        this.nodeId = nodeId;
        this.windowMillis = Math.max(1, window.toMillis());
        this.maxBatch = maxBatch;
        this.lanes = new Lane[groupsInFlight];
        for (int i = 0; i < groupsInFlight; i++) lanes[i] = new Lane();
    }

    /** From any thread. @return whether the save landed (false: fenced out by a newer epoch) */
    Future<Boolean> commit(Save save) {
        return lanes[Math.floorMod(save.id().hashCode(), lanes.length)].commit(save);
    }

    /** One sequence of groups, one in flight at a time. */
    private final class Lane {
        private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        /** True from the moment a group is scheduled until the queue is found empty. */
        private final AtomicBoolean cycling = new AtomicBoolean();

        Future<Boolean> commit(Save save) {
            Promise<Boolean> landed = Promise.promise();
            queue.add(new Pending(save, landed));
            if (cycling.compareAndSet(false, true)) {
                context.runOnContext(v -> context.owner().setTimer(windowMillis, t -> flush()));
            }
            return landed.future();
        }

        private void flush() {
            List<Pending> group = new ArrayList<>(Math.min(maxBatch, 64));
            Pending next;
            while (group.size() < maxBatch && (next = queue.poll()) != null) group.add(next);
            if (group.isEmpty()) {
                cycling.set(false);
                // A save added between the poll and the reset would otherwise wait forever.
                if (!queue.isEmpty() && cycling.compareAndSet(false, true)) flush();
                return;
            }
            List<Save> saves = new ArrayList<>(group.size());
            for (Pending pending : group) saves.add(pending.save());
            store.saveAll(nodeId, saves).onComplete(ar -> {
                for (int i = 0; i < group.size(); i++) {
                    if (ar.succeeded()) group.get(i).landed().tryComplete(ar.result().get(i));
                    else group.get(i).landed().tryFail(ar.cause());
                }
                context.runOnContext(v -> flush());
            });
        }
    }
}
