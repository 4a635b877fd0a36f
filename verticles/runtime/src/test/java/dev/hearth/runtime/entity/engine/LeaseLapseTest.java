package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.entity.example.Barrel;
import dev.hearth.runtime.entity.example.BarrelEntity;
import dev.hearth.runtime.entity.store.EntityStore;
import dev.hearth.runtime.entity.store.ForwardingEntityStore;
import dev.hearth.runtime.entity.store.InMemoryEntityStore;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node past its lease answers nothing from memory: another node may own its entities by
 * then. The process-level version (SIGSTOP, SIGCONT) is EntityFailoverIT in the node module;
 * here the database stops answering renewals, deterministically.
 */
class LeaseLapseTest {
    private static final Duration LEASE = Duration.ofMillis(600);

    private final Vertx vertx = Vertx.vertx();
    private final HangingRenewals store = new HangingRenewals(new InMemoryEntityStore(InstantSource.system()));
    private EntityRuntime runtime;

    @AfterEach
    void stop() throws Exception {
        store.answerRenewals();
        if (runtime != null) await(runtime.close());
        await(vertx.close());
    }

    @Test
    void aNodeWhoseRenewalsHangStopsAnsweringFromMemoryOnceItsLeaseRunsOut() throws Exception {
        runtime = await(EntityRuntime.start(vertx, store, List.of(BarrelEntity.TYPE),
                EntityRuntimeOptions.defaults().withNodeId("node-a").withLease(LEASE, LEASE.dividedBy(3))));
        Barrel barrel = runtime.ref(Barrel.class, "keg");
        assertThat(await(barrel.onHit())).isTrue();

        store.hangRenewals();
        long hungAt = System.nanoTime();
        Await.within(LEASE.multipliedBy(3), "calls to the active barrel fail once the lease has run out",
                () -> barrel.hits().toCompletionStage().toCompletableFuture().handle((hits, failure) ->
                        failure instanceof EntityUnavailableException).join());
        assertThat(Duration.ofNanos(System.nanoTime() - hungAt)).as("served no longer than the lease").isLessThan(LEASE.multipliedBy(2));
        Await.within(LEASE, "the activation is dropped", () -> runtime.activeCount() == 0);

        store.answerRenewals();
        Await.within(LEASE.multipliedBy(5), "the node has a lease again", runtime::serving);
        assertThat(await(barrel.hits())).as("activated again from committed state").isEqualTo(1);
    }

    /** A store whose lease renewals can be made to hang, as when the database stops answering. */
    private static final class HangingRenewals extends ForwardingEntityStore {
        private final List<Promise<List<String>>> hanging = new CopyOnWriteArrayList<>();
        private volatile boolean hang;

        HangingRenewals(EntityStore store) {
            super(store);
        }

        void hangRenewals() {
            hang = true;
        }

        /** Fails the renewals that hung, as a lost connection would, and answers later ones. */
        void answerRenewals() {
            hang = false;
            hanging.forEach(p -> p.tryFail("connection lost"));
        }

        @Override
        public Future<List<String>> renewLease(String nodeId, Duration length) {
            if (!hang) return store.renewLease(nodeId, length);
            Promise<List<String>> never = Promise.promise();
            hanging.add(never);
            return never.future();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
