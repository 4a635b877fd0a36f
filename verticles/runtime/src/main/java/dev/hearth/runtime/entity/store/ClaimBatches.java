package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Claims of one node, grouped: while one statement claims a group, the claims that arrive
 * wait and go together in the next, so a burst of activations pays one transaction (and one
 * WAL flush) per group instead of one per entity. A claim the group statement did not take
 * (another node's live owner, a row that changed hands meanwhile) is settled alone by the
 * single-claim path, which says why; so is every claim of a group whose statement failed.
 */
final class ClaimBatches {
    private static final int MAX_GROUP = 500;
    /** Rows are locked in this order by every group, so two nodes' groups cannot deadlock. */
    private static final Comparator<EntityId> LOCK_ORDER = Comparator.comparing(EntityId::type).thenComparing(EntityId::key);

    private final Pool pool;
    /** The single-claim path: for what a group did not take. */
    private final BiFunction<EntityId, String, Future<Claim>> alone;
    private final Map<String, Node> nodes = new HashMap<>();

    /** The claims of one node: those waiting, and whether a group is in flight. */
    private static final class Node {
        final LinkedHashMap<EntityId, List<Promise<Claim>>> waiting = new LinkedHashMap<>();
        boolean inFlight;
    }

    ClaimBatches(Pool pool, BiFunction<EntityId, String, Future<Claim>> alone) {
        this.pool = pool;
        this.alone = alone;
    }

    /** From any thread. */
    Future<Claim> claim(EntityId id, String nodeId) {
        Promise<Claim> promise = Promise.promise();
        boolean start;
        synchronized (this) {
            Node node = nodes.computeIfAbsent(nodeId, n -> new Node());
            node.waiting.computeIfAbsent(id, i -> new ArrayList<>(1)).add(promise);
            start = !node.inFlight;
            node.inFlight = true;
        }
        if (start) next(nodeId);
        return promise.future();
    }

    private void next(String nodeId) {
        Map<EntityId, List<Promise<Claim>>> group = new LinkedHashMap<>();
        synchronized (this) {
            Node node = nodes.get(nodeId);
            var it = node.waiting.entrySet().iterator();
            while (it.hasNext() && group.size() < MAX_GROUP) {
                var entry = it.next();
                group.put(entry.getKey(), entry.getValue());
                it.remove();
            }
            if (group.isEmpty()) {
                node.inFlight = false;
                return;
            }
        }
        List<EntityId> ids = new ArrayList<>(group.keySet());
        ids.sort(LOCK_ORDER);
        String[] types = ids.stream().map(EntityId::type).toArray(String[]::new);
        String[] keys = ids.stream().map(EntityId::key).toArray(String[]::new);
        pool.preparedQuery(PgEntityStore.CLAIM).execute(Tuple.tuple().addString(nodeId).addArrayOfString(types).addArrayOfString(keys)).onComplete(ar -> {
            Set<EntityId> taken = new HashSet<>();
            if (ar.succeeded()) {
                for (Row row : ar.result()) {
                    EntityId id = new EntityId(row.getString(0), row.getString(1));
                    Claim claimed = PgEntityStore.claimed(row);
                    List<Promise<Claim>> waiters = group.get(id);
                    if (waiters != null && taken.add(id)) waiters.forEach(p -> p.tryComplete(claimed));
                }
            }
            group.forEach((id, waiters) -> {
                if (taken.contains(id)) return;
                Future<Claim> single = alone.apply(id, nodeId);
                waiters.forEach(p -> single.onComplete(p));
            });
            next(nodeId);
        });
    }
}
